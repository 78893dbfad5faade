// Every call from any transport goes through here: establish the caller from the transport's server-side
// session (never from the payload), check the method's `allow` list, parse the payload from unknown, run,
// audit in the change's own transaction, and answer with an envelope. Refused calls of a known caller are
// audited too. Nothing thrown inside a handler escapes; unknown errors are logged.
import { contract, isMethodName, type MethodName } from '../shared/api/contract';
import type { MethodDef } from '../shared/api/define';
import type { ApiError, Result } from '../shared/api/result';
import { issuesOf, toApiError } from './api-error';
import { ANONYMOUS, principalOf, type Caller, type SystemCaller } from './auth/caller';
import { resolveSession } from './auth/sessions';
import type { BackendContext } from './context';
import { handlerFor } from './handlers/index';
import type { HandlerCall } from './handlers/types';

/** What the transport knows about one call. */
export interface CallContext {
  /** The session bound to this transport (browser mode: the cookie; desktop: the window), if any. */
  sessionToken?: string | null;
  /** The command line only: the local system operator. No transport ever sets this. */
  system?: SystemCaller;
  /** Binds a new session to the transport (sign-in) or drops it (null: sign-out, expiry). */
  setSession?: (token: string | null) => void;
}

export type Dispatch = (method: string, payload: unknown, call?: CallContext) => Promise<Result<unknown>>;

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as { then?: unknown } | null)?.then === 'function';

/** Refusals worth a line in the audit trail: someone known tried something they may not do now. */
const AUDITED_REFUSALS = new Set(['forbidden', 'conflict', 'unauthorized']);

export function createDispatcher(ctx: BackendContext, log: (msg: string) => void = console.error): Dispatch {
  const refusal = (caller: Caller, method: MethodName, input: unknown, error: ApiError): void => {
    if (caller.kind === 'anonymous' || !AUDITED_REFUSALS.has(error.code)) return;
    try {
      ctx.audit(caller, 'refused', { method, code: error.code, ...(error.params?.reason ? { reason: error.params.reason } : {}) }, caseIdOf(input, null));
    } catch (err) {
      log(`[claimdesk] could not audit a refused call: ${String(err)}`);
    }
  };

  return async (method, payload, call = {}) => {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method: ${String(method)}` } };
    }
    const def: MethodDef = contract[method];
    const allow = def.allow;

    let caller: Caller = ANONYMOUS;
    let sessionError: 'no_session' | 'expired' = 'no_session';
    try {
      if (call.system) caller = call.system;
      else if (call.sessionToken) {
        const found = resolveSession(ctx, call.sessionToken);
        if (found.ok) caller = found.caller;
        else {
          sessionError = found.reason;
          if (found.reason === 'expired') call.setSession?.(null);
        }
      }
    } catch (err) {
      return { ok: false, error: toApiError(err, log) };
    }

    const principal = principalOf(caller);
    if (!allow.includes('anyone')) {
      if (!principal) {
        return {
          ok: false,
          error: {
            code: 'unauthorized',
            message: sessionError === 'expired' ? 'Your session has ended; sign in again.' : 'Sign in first.',
            params: { reason: sessionError },
          },
        };
      }
      if (caller.kind === 'user' && caller.mustChangePassword && !method.startsWith('auth.')) {
        const error: ApiError = { code: 'unauthorized', message: 'Choose a new password first.', params: { reason: 'password_change_required' } };
        return { ok: false, error };
      }
      if (!allow.includes(principal)) {
        const error: ApiError = { code: 'forbidden', message: `${method} is not allowed for ${principal}`, params: { reason: 'role', role: principal } };
        refusal(caller, method, payload, error);
        return { ok: false, error };
      }
    }

    // Parsed only once the caller may call the method at all: a refused caller learns nothing about inputs.
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

    const hcall: HandlerCall = { caller, sessionToken: call.sessionToken ?? null, setSession: (t) => call.setSession?.(t) };
    try {
      const handler = (await handlerFor(method)) as (input: unknown, c: BackendContext, h: HandlerCall) => unknown;
      let value: unknown;
      if (def.audit === 'input') {
        value = ctx.db.transaction(() => {
          const v = handler(parsed.data, ctx, hcall);
          if (isThenable(v)) throw new Error(`${method}: an 'input'-audited handler must be synchronous`);
          ctx.audit(caller, method, parsed.data, caseIdOf(parsed.data, v));
          return v;
        })();
      } else {
        value = await handler(parsed.data, ctx, hcall);
      }
      return { ok: true, value };
    } catch (err) {
      const error = toApiError(err, log);
      refusal(caller, method, parsed.data, error);
      return { ok: false, error };
    }
  };
}

/** The case a call concerns: its `caseId` input, or the case it created. */
export function caseIdOf(input: unknown, output: unknown): number | null {
  const { caseId } = (input ?? {}) as { caseId?: unknown };
  if (typeof caseId === 'number' && Number.isSafeInteger(caseId) && caseId > 0) return caseId;
  const created = output as { id?: unknown; reference?: unknown } | null;
  return typeof created?.reference === 'string' && typeof created.id === 'number' ? created.id : null;
}
