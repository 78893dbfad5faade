// How every CLI command answers: human text by default, one JSON object with --json, and a non-zero
// exit with a clear message on bad input.
import { AppError } from '../../shared/api/result';
import { toApiError } from '../api-error';

export interface GlobalOptions {
  home?: string;
  json?: boolean;
}

export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

export function emit(opts: GlobalOptions, json: unknown, human: () => string): void {
  process.stdout.write(opts.json ? `${JSON.stringify(json, null, 2)}\n` : `${human()}\n`);
}

/** Print an error the way the command's mode asks for, and end the command with exit code 2. */
export function failWith(opts: GlobalOptions, err: unknown): never {
  const error = toApiError(err, (m) => process.stderr.write(`${m}\n`));
  if (opts.json) process.stdout.write(`${JSON.stringify({ error }, null, 2)}\n`);
  process.stderr.write(`claimdesk: ${error.message}\n`);
  throw new CliExit(error.code === 'internal' ? 1 : 2);
}

export const badInput = (message: string): AppError => new AppError('invalid_input', message);
