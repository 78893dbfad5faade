// `claimdesk participants import FILE.csv`: counts and per-line errors; exits 2 when the file itself is
// unusable (missing, unreadable, required columns absent) or no line could be used, 4 when some lines
// were rejected and the others imported.
import type { Command } from 'commander';
import { cleanFileName } from '../../../shared/files/file-name';
import { importParticipants } from '../../services/participant-import';
import { listImports } from '../../participants/import-history';
import { searchParticipants } from '../../services/participant-search';
import { badInput, emit, endBatch, failWith, shown, type GlobalOptions } from '../output';
import { withContext } from '../with-context';

/** Human output lists this many line errors; --json carries them all. */
const SHOWN_ERRORS = 50;

export function register(participants: Command): void {
  participants
    .command('import <file>')
    .description('import or update participant records from the contract CSV (upsert by KPJ)')
    .action(async (file: string, _o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      let rejected = 0;
      let used = 0;
      try {
        await withContext(opts, async (ctx, caller) => {
          const r = await importParticipants(ctx, caller, file, file);
          rejected = r.errors.length;
          used = r.inserted + r.updated + r.unchanged;
          // Named as the import history names it.
          const name = cleanFileName(file);
          emit(opts, { file: name, ...r }, () =>
            [
              `${name}: ${r.rowsRead} rows read, ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.errors.length} rejected`,
              ...r.errors.slice(0, SHOWN_ERRORS).map((e) => `  line ${e.line}: ${shown(e.reason)}`),
              ...(r.errors.length > SHOWN_ERRORS ? [`  … ${r.errors.length - SHOWN_ERRORS} more (use --json for all)`] : []),
            ].join('\n'),
          );
        });
      } catch (err) {
        failWith(opts, err);
      }
      endBatch(rejected ? [`${cleanFileName(file)}: ${rejected} line(s) rejected (listed in the output)`] : [], used);
    });

  participants
    .command('search <query>')
    .description('find participants by KPJ (11 digits), NIK (16 digits) or name (fuzzy, ranked)')
    .option('--limit <n>', 'at most this many hits', '20')
    .action(async (query: string, o: { limit: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      try {
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw badInput('--limit must be 1-200');
        await withContext(opts, (ctx) => {
          const r = searchParticipants(ctx, query, limit);
          emit(opts, r, () =>
            [
              `${r.total} found`,
              ...r.hits.map(
                (h) => `  ${h.nomor_kpj}  ${h.nik}  ${shown(h.nama).padEnd(32)} ${h.tanggal_lahir}  ${h.status.padEnd(8)} ${h.matchedBy} ${h.score.toFixed(2)}`,
              ),
            ].join('\n'),
          );
        });
      } catch (err) {
        failWith(opts, err);
      }
    });
  participants
    .command('history')
    .description('list past participant imports: who, when, file and counts')
    .action(async (_o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      try {
        await withContext(opts, (ctx) => {
          const imports = listImports(ctx.db);
          emit(
            opts,
            { imports },
            () =>
              imports
                .map(
                  (i) =>
                    `${i.startedAt}  ${shown(i.actor).padEnd(12)} ${i.status.padEnd(6)} ${shown(i.fileName)}: ${i.inserted} inserted, ${i.updated} updated, ${i.unchanged} unchanged, ${i.errorCount} rejected${i.failure ? ` (${shown(i.failure)})` : ''}`,
                )
                .join('\n') || 'no imports yet',
          );
        });
      } catch (err) {
        failWith(opts, err);
      }
    });
}
