// `claimdesk audit verify`: checks the audit trail's hash chain and names the first row that does not
// follow from the one before it. Exit 0 when intact, 3 when broken (2 stays "bad input").
import type { Command } from 'commander';
import { BrokenAuditError, verifyAuditChain } from '../../audit/chain';
import { CliExit, emit, failWith, type GlobalOptions } from '../output';
import { withContext } from '../with-context';

export const AUDIT_BROKEN_EXIT = 3;

/** Ends a command the way failWith does, except that a refusal for a broken audit chain exits with 3. */
export function failOrAuditBroken(opts: GlobalOptions, err: unknown): never {
  try {
    failWith(opts, err);
  } catch (exit) {
    if (err instanceof BrokenAuditError) throw new CliExit(AUDIT_BROKEN_EXIT);
    throw exit;
  }
}

const WHY: Record<string, string> = {
  edited: 'its content does not match its hash (edited)',
  missing_before: 'the row before it is missing (deleted)',
  out_of_order: 'it does not follow the row before it (reordered or replaced)',
  unsealed: 'it carries no hash (inserted by hand)',
  truncated: 'rows after it were removed (the chain ends before its recorded head)',
};

export function register(audit: Command): void {
  audit
    .command('verify')
    .description("check the audit trail's hash chain; names the first broken row and exits 3 when broken")
    .action(async (_o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      let broken = false;
      try {
        await withContext(opts, (ctx) => {
          const r = verifyAuditChain(ctx.db);
          broken = !r.ok;
          emit(opts, r, () =>
            r.ok
              ? `audit trail intact: ${r.rows} rows, every row follows from the one before it`
              : `audit trail BROKEN at row ${r.firstBroken!.id}: ${WHY[r.firstBroken!.reason] ?? r.firstBroken!.reason} (${r.rows} rows checked)`,
          );
        });
      } catch (err) {
        failWith(opts, err);
      }
      if (broken) throw new CliExit(AUDIT_BROKEN_EXIT);
    });
}
