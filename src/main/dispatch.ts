// Every call from any transport goes through here: parse from unknown, check the role, run, audit,
// and answer with an envelope. Nothing thrown inside a handler escapes; unknown errors are logged.
import { z } from 'zod';
import { contract, isMethodName } from '../shared/api/contract';
import { AppError, type ApiError, type Result } from '../shared/api/result';
import type { BackendContext } from './context';
import { handlers } from './handlers/index';

export type Dispatch = (method: string, payload: unknown) => Promise<Result<unknown>>;

export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

export function toApiError(err: unknown, log: (msg: string) => void = console.error): ApiError {
  if (err instanceof AppError) {
    return { code: err.code, message: err.message, ...(err.params ? { params: err.params } : {}) };
  }
  if (err instanceof z.ZodError) {
    return { code: 'invalid_input', message: 'Invalid input', issues: issuesOf(err) };
  }
  log(`[claimdesk] internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return { code: 'internal', message: 'Internal error; details are in the application log.' };
}

export function createDispatcher(ctx: BackendContext, log: (msg: string) => void = console.error): Dispatch {
  return async (method, payload) => {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method: ${String(method)}` } };
    }
    const def = contract[method];
    const parsed = def.input.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `Invalid input for ${method}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          issues,
        },
      };
    }
    const roles = 'roles' in def ? (def.roles as readonly string[] | undefined) : undefined;
    const operator = ctx.operator();
    if (roles && !roles.includes(operator.role)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: `${method} is not allowed for role ${operator.role}`, params: { role: operator.role } },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown, c: BackendContext) => unknown;
      const value = await handler(parsed.data, ctx);
      if ('audit' in def && def.audit) ctx.audit(method, parsed.data, caseIdOf(parsed.data, value));
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: toApiError(err, log) };
    }
  };
}

/** The case an audited call concerns: its `caseId` input, or the case it created. */
function caseIdOf(input: unknown, output: unknown): number | null {
  const { caseId } = input as { caseId?: unknown };
  if (typeof caseId === 'number') return caseId;
  const created = output as { id?: unknown; reference?: unknown } | null;
  return typeof created?.reference === 'string' && typeof created.id === 'number' ? created.id : null;
}
