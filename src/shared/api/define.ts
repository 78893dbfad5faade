import type { z } from 'zod';
import type { Role } from './roles';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Who may call it; absent means every role. Checked by the dispatcher, never inside handlers. */
  roles?: readonly Role[];
  /** Recorded in the audit log with the operator and the input. */
  audit?: boolean;
}

export const defineMethods = <T extends Record<string, MethodDef>>(methods: T): T => methods;
