// `claimdesk export decisions [--from DATE] [--to DATE] [--out FILE]`: every decision in the range as CSV
// (to stdout, or written to FILE), for the branch to report upward without retyping. Audited like the
// screen's export.
import fs from 'node:fs';
import type { Command } from 'commander';
import { decisionsCsv } from '../../exports/decisions';
import { badInput, emit, failWith, type GlobalOptions } from '../output';
import { withContext } from '../with-context';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function register(exp: Command): void {
  exp
    .command('decisions')
    .description('decisions as CSV: case, participant, decision, reason, who, when, working days from intake')
    .option('--from <date>', 'first day of decisions (yyyy-mm-dd)')
    .option('--to <date>', 'last day of decisions (yyyy-mm-dd)')
    .option('--out <file>', 'write the CSV to this file instead of printing it')
    .action(async (o: { from?: string; to?: string; out?: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      try {
        for (const [flag, v] of [
          ['--from', o.from],
          ['--to', o.to],
        ] as const)
          if (v !== undefined && !ISO.test(v)) throw badInput(`${flag} must be a date as yyyy-mm-dd`);
        await withContext(opts, (ctx, caller) => {
          const r = ctx.db.transaction(() => {
            const out = decisionsCsv(ctx, { from: o.from, to: o.to });
            ctx.audit(caller, 'exports.decisions', { from: o.from ?? null, to: o.to ?? null, rows: out.rows });
            return out;
          })();
          if (o.out) fs.writeFileSync(o.out, r.csv);
          if (o.out || opts.json) emit(opts, { rows: r.rows, ...(o.out ? { file: o.out } : { csv: r.csv }) }, () => `${r.rows} decisions written to ${o.out}`);
          else process.stdout.write(r.csv);
        });
      } catch (err) {
        failWith(opts, err);
      }
    });
}
