// `claimdesk backup DEST`: a backup of the data folder, safe while the app runs (src/main/backup/backup.ts);
// audited in the data folder's own trail. Exit 0 done, 2 bad input (DEST not a new or empty folder).
import type { Command } from 'commander';
import { createBackup } from '../../backup/backup';
import { emit, failWith, type GlobalOptions } from '../output';
import { withContext } from '../with-context';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function register(backup: Command): void {
  backup.argument('<dest>', 'a new (or empty) folder for the backup').action(async (dest: string, _o, cmd: Command) => {
    const opts = cmd.optsWithGlobals<GlobalOptions>();
    try {
      await withContext(opts, async (ctx, caller) => {
        const r = await createBackup(ctx, caller, dest);
        emit(
          opts,
          r,
          () =>
            `Backup written to ${r.folder}: the database (${r.cases} cases) and ${r.files} files, ${mb(r.bytes)}.\n` +
            `Database SHA-256 ${r.databaseSha256}\nManifest SHA-256 ${r.manifestSha256} (keep this line elsewhere to prove the backup unchanged later)`,
        );
      });
    } catch (err) {
      failWith(opts, err);
    }
  });
}
