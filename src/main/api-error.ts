// Any error, as the contract's error envelope: what every transport and the command line answer with.
import { z } from 'zod';
import { AppError, type ApiError } from '../shared/api/result';

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
