// `claimdesk restore SRC`: puts a backup in place of the data folder (--home), or into a new one
// (src/main/backup/restore.ts). Exit 0 restored with an intact audit chain; 2 refused (not a backup, a
// changed or incomplete backup, the data folder in use), nothing changed; 3 the audit chain is broken
// (refused, or restored with --allow-broken-audit), as `claimdesk audit verify` answers.
import type { Command } from 'commander';
import { systemCaller } from '../../auth/caller';
import { restoreBackup, type RestoreResult } from '../../backup/restore';
import { resolveHome } from '../../paths';
import { CliExit, emit, type GlobalOptions } from '../output';
import { AUDIT_BROKEN_EXIT, failOrAuditBroken } from './audit';

function describe(r: RestoreResult): string {
  const chain = r.audit.ok
    ? `audit trail intact: ${r.audit.rows} rows, the restore's own entry the last`
    : `audit trail BROKEN at row ${r.audit.firstBroken?.id ?? '?'} (${r.audit.firstBroken?.reason ?? '?'}), ${r.audit.rows} rows checked`;
  return [
    `Restored ${r.from} into ${r.restoredTo}: ${r.cases} cases, ${r.files} files, every file matching the backup's manifest.`,
    r.previousKeptAt ? `The data folder that was there is kept at ${r.previousKeptAt}.` : 'There was no data folder there before.',
    chain,
  ].join('\n');
}

export function register(restore: Command): void {
  restore
    .argument('<src>', 'a backup folder made by "claimdesk backup" or Settings')
    .option('--allow-broken-audit', "restore even when the backup's audit chain is broken (exit 3 still says so)")
    .action(async (src: string, o: { allowBrokenAudit?: boolean }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      let result: RestoreResult;
      try {
        result = await restoreBackup(src, resolveHome(opts.home), systemCaller(), { allowBrokenAudit: o.allowBrokenAudit === true });
      } catch (err) {
        failOrAuditBroken(opts, err);
      }
      emit(opts, result, () => describe(result));
      if (!result.audit.ok) throw new CliExit(AUDIT_BROKEN_EXIT);
    });
}
