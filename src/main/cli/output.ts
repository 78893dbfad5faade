// How every CLI command answers: human text by default, one JSON object with --json, and a non-zero
// exit with a clear message on bad input. Text from stored or given data never reaches the terminal
// raw: control and bidi characters are shown as escapes (src/shared/files/file-name.ts).
import { AppError } from '../../shared/api/result';
import { escapeControls, escapeControlsKeepingLines, escapeJsonControls } from '../../shared/files/file-name';
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

/** Data put into a line of text output: any control or bidi character in it shown as an escape. */
export const shown = (value: string): string => escapeControls(value);

export function emit(opts: GlobalOptions, json: unknown, human: () => string): void {
  process.stdout.write(opts.json ? `${escapeJsonControls(JSON.stringify(json, null, 2))}\n` : `${escapeControlsKeepingLines(human())}\n`);
}

/** Print an error the way the command's mode asks for, and end the command with exit code 2. */
export function failWith(opts: GlobalOptions, err: unknown): never {
  const error = toApiError(err, (m) => process.stderr.write(`${escapeControlsKeepingLines(m)}\n`));
  if (opts.json) process.stdout.write(`${escapeJsonControls(JSON.stringify({ error }, null, 2))}\n`);
  process.stderr.write(`claimdesk: ${shown(error.message)}\n`);
  throw new CliExit(error.code === 'internal' ? 1 : 2);
}

export const badInput = (message: string): AppError => new AppError('invalid_input', message);
