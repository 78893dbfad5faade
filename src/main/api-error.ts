// Any error, as the contract's error envelope: what every transport and the command line answer with.
import { z } from 'zod';
import { AppError, type ApiError } from '../shared/api/result';
import { sqliteBusy } from './db/busy';

type Issue = NonNullable<ApiError['issues']>[number];

/** Each problem of a refused payload: its path, the schema's English, and its code with the bounds it broke. */
export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((i) => {
    const params: Record<string, string | number> = {};
    const raw = i as { origin?: unknown; minimum?: unknown; maximum?: unknown };
    if (typeof raw.origin === 'string') params.origin = raw.origin;
    for (const k of ['minimum', 'maximum'] as const) {
      const v = raw[k];
      if (typeof v === 'number' || typeof v === 'bigint') params[k] = Number(v);
    }
    return {
      path: i.path.map(String).join('.') || '(root)',
      message: i.message,
      code: i.code,
      ...(Object.keys(params).length ? { params } : {}),
    };
  });
}

export function toApiError(err: unknown, log: (msg: string) => void = console.error): ApiError {
  if (err instanceof AppError) {
    return { code: err.code, message: err.message, ...(err.params ? { params: err.params } : {}) };
  }
  if (sqliteBusy(err)) {
    return { code: 'database_busy', message: 'The data folder is busy with other writers; nothing was changed. Try again.' };
  }
  if (err instanceof z.ZodError) {
    return { code: 'invalid_input', message: 'Invalid input', issues: issuesOf(err) };
  }
  log(`[claimdesk] internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return { code: 'internal', message: 'Internal error; details are in the application log.' };
}
