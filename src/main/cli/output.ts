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

/** The exit codes of every command, the same for all (README, "Command line"; `claimdesk --help`). */
export const EXIT = {
  /** Done: every input was used. */
  ok: 0,
  /** An unexpected failure (a bug or the machine); the details are on stderr. */
  internal: 1,
  /** Bad input or usage: nothing was done (a bad option, a missing file, no file or line usable). */
  badInput: 2,
  /** `audit verify`: the audit trail's chain is broken. */
  auditBroken: 3,
  /** Partly done: some inputs could not be used (each named on stderr and in the output), the rest was. */
  partial: 4,
} as const;

export const EXIT_CODES_HELP = `
Exit codes (every command):
  ${EXIT.ok}  done: every input was used
  ${EXIT.internal}  unexpected failure (details on stderr)
  ${EXIT.badInput}  bad input or usage: nothing was done (bad option, missing file, no file or line usable)
  ${EXIT.auditBroken}  audit verify: the audit trail's chain is broken
  ${EXIT.partial}  partly done: some inputs could not be used (named on stderr and in the output); the rest was done and printed`;

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

/** Print an error the way the command's mode asks for, and end the command with exit code 2 (1 when
 * the error was not the input's fault). */
export function failWith(opts: GlobalOptions, err: unknown): never {
  const error = toApiError(err, (m) => process.stderr.write(`${escapeControlsKeepingLines(m)}\n`));
  if (opts.json) process.stdout.write(`${escapeJsonControls(JSON.stringify({ error }, null, 2))}\n`);
  process.stderr.write(`claimdesk: ${shown(error.message)}\n`);
  throw new CliExit(error.code === 'internal' ? EXIT.internal : EXIT.badInput);
}

/** Ends a command that took several inputs (files, lines), after its output was printed: exit 0 when
 * none failed, 4 when some did and others were used, 2 when none could be used. Each failure is named
 * on stderr. */
export function endBatch(failures: string[], used: number): void {
  if (!failures.length) return;
  for (const f of failures) process.stderr.write(`claimdesk: ${shown(f)}\n`);
  throw new CliExit(used === 0 ? EXIT.badInput : EXIT.partial);
}

export const badInput = (message: string): AppError => new AppError('invalid_input', message);
