// Nothing is thrown across the UI/back-end boundary: every call answers with one of these envelopes.
import { z } from 'zod';

export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'forbidden',
  'conflict',
  'bad_file',
  'unsupported_file',
  'too_large',
  'cancelled',
  'database_newer',
  'database_unreadable',
  /** The branch's PostgreSQL server did not answer (network, server down); nothing was changed. */
  'database_unreachable',
  /** Other desks held the store's write lock for longer than a call waits (seconds); nothing was changed. */
  'database_busy',
  'unauthorized',
  'internal',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const apiErrorSchema = z.object({
  code: errorCodeSchema,
  /** English, for logs and the CLI; the UI translates by `code` (and `params`). */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** For invalid_input: each bad path with its problem, in English (`message`) and as the schema's issue
   * code with its bounds (`code`, `params`), which the screens say in the reader's language. */
  issues: z
    .array(
      z.object({
        path: z.string(),
        message: z.string(),
        code: z.string().optional(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    )
    .optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside the back end only; the dispatcher turns it into an error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
