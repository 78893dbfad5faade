// `claimdesk participants import FILE.csv`: counts and per-line errors; exits non-zero only when the
// file itself is unusable (missing, unreadable, required columns absent).
import type { Command } from 'commander';
import { importParticipantsCsv } from '../../participants/import-csv';
import { emit, failWith, type GlobalOptions } from '../output';
import { withContext } from '../with-context';

/** Human output lists this many line errors; --json carries them all. */
const SHOWN_ERRORS = 50;

export function registerParticipants(program: Command): void {
  const participants = program.command('participants').description('participant records');
  participants
    .command('import <file>')
    .description('import or update participant records from the contract CSV (upsert by KPJ)')
    .action(async (file: string, _o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      try {
        await withContext(opts, async (ctx) => {
          const r = await importParticipantsCsv(ctx, file, { actor: ctx.operator().name, fileName: file });
          emit(opts, { file, ...r }, () =>
            [
              `${file}: ${r.rowsRead} rows read, ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.errors.length} rejected`,
              ...r.errors.slice(0, SHOWN_ERRORS).map((e) => `  line ${e.line}: ${e.reason}`),
              ...(r.errors.length > SHOWN_ERRORS ? [`  … ${r.errors.length - SHOWN_ERRORS} more (use --json for all)`] : []),
            ].join('\n'),
          );
        });
      } catch (err) {
        failWith(opts, err);
      }
    });
}
