// `claimdesk migrate-store [postgres://…]`: copies the data folder's embedded store (--home) into an
// empty PostgreSQL store (the address given, else --database / CLAIMDESK_DATABASE), verified before it
// commits (src/main/db/migrate-store.ts). Progress goes to stderr. Exit 0 copied and verified; 2 refused
// (no embedded store, the folder in use, the target not empty, an original missing or changed), nothing
// changed; 3 the folder's audit chain is broken, nothing copied.
import type { Command } from 'commander';
import { systemCaller } from '../../auth/caller';
import { migrateStore, type MigrateProgress, type MigrateStoreResult } from '../../db/migrate-store';
import { resolveHome } from '../../paths';
import { emit, type GlobalOptions } from '../output';
import { failOrAuditBroken } from './audit';

const STAGE: Record<MigrateProgress['stage'], string> = { copy: 'copying', originals: 'copying originals', verify: 'checking' };

function describe(r: MigrateStoreResult): string {
  const rows = r.tables.reduce((n, t) => n + t.rows, 0);
  return [
    `Copied ${r.from} into ${r.to} in ${r.seconds} s: ${rows} rows in ${r.tables.length} tables and ${r.originals.files} originals (${(r.originals.bytes / 1024 / 1024).toFixed(1)} MB).`,
    ...r.tables.filter((t) => t.rows > 0).map((t) => `  ${t.table.padEnd(26)} ${String(t.rows).padStart(9)}`),
    `Every table read back matches the data folder; audit trail intact: ${r.audit.rows} rows, the migration's own entry the last.`,
    `Start the desks with --database ${r.to.replace(/\*\*\*/, '<password>')} (or CLAIMDESK_DATABASE) to work on it.`,
  ].join('\n');
}

/** One line per table and stage, and at most one a second while a large table is copied. */
function progressPrinter(): (p: MigrateProgress) => void {
  let shownAt = 0;
  let last = '';
  return (p) => {
    const key = `${p.stage}:${p.table}`;
    const now = Date.now();
    if (key === last && now - shownAt < 1000 && p.done < p.total) return;
    last = key;
    shownAt = now;
    process.stderr.write(`${STAGE[p.stage]} ${p.table}: ${p.done} of ${p.total}\n`);
  };
}

export function register(command: Command): void {
  command
    .argument('[address]', 'the PostgreSQL store to copy into, postgres://user:password@host:port/database?schema=name (default: --database)')
    .action(async (address: string | undefined, _o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions & { database?: string }>();
      let result: MigrateStoreResult;
      try {
        result = await migrateStore(
          resolveHome(opts.home),
          address ?? opts.database ?? process.env.CLAIMDESK_DATABASE,
          systemCaller(),
          opts.json ? undefined : progressPrinter(),
        );
      } catch (err) {
        failOrAuditBroken(opts, err);
      }
      emit(opts, result, () => describe(result));
    });
}
