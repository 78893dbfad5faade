import type { z } from 'zod';
import type { Principal } from './roles';

/**
 * How a call reaches the audit trail, always in the transaction that makes its change:
 * - 'input': the dispatcher records the method with its parsed input (synchronous handlers only);
 * - 'handler': the handler records its own entries (old and new values, file hashes instead of uploads,
 *   counts instead of imported data), each in the transaction that writes the change.
 */
export type AuditMode = 'input' | 'handler';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Who may call it. Required: the dispatcher checks it before any handler runs, never inside one. */
  allow: readonly Principal[];
  audit?: AuditMode;
}

export const defineMethods = <T extends Record<string, MethodDef>>(methods: T): T => methods;
