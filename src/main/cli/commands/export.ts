// `claimdesk export decisions [--from DATE] [--to DATE] [--out FILE]`: every decision in the range as CSV
// (to stdout, or written to FILE), for the branch to report upward without retyping; and
// `claimdesk export dashboard --table NAME [--from DATE] [--to DATE] [--out FILE]`: one of the branch
// dashboard's tables (the 30 days up to today unless given). Audited like the screen's exports.
import fs from 'node:fs';
import type { Command } from 'commander';
import { DASHBOARD_TABLES, DEFAULT_RANGE_DAYS, type DashboardTable } from '../../../shared/api/methods-dashboard';
import { iso, parseIsoDate, plusDays } from '../../../shared/rules/dates';
import type { BackendContext } from '../../context';
import type { Caller } from '../../auth/caller';
import { dashboardCsv } from '../../exports/dashboard';
import { decisionsCsv } from '../../exports/decisions';
import { badInput, emit, failWith, type GlobalOptions } from '../output';
import { withContext } from '../with-context';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

interface Range {
  from?: string;
  to?: string;
  out?: string;
}

function checkDates(o: Range): void {
  for (const [flag, v] of [
    ['--from', o.from],
    ['--to', o.to],
  ] as const)
    if (v !== undefined && !ISO.test(v)) throw badInput(`${flag} must be a date as yyyy-mm-dd`);
}

/** Runs one export in a transaction with its audit entry, then prints the CSV or writes it to --out. */
async function runExport(
  o: Range,
  cmd: Command,
  action: string,
  make: (ctx: BackendContext) => { csv: string; rows: number; audit: Record<string, unknown> },
  what: string,
): Promise<void> {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  try {
    checkDates(o);
    await withContext(opts, (ctx, caller: Caller) => {
      const r = ctx.db.transaction(() => {
        const out = make(ctx);
        ctx.audit(caller, action, { ...out.audit, rows: out.rows });
        return out;
      })();
      if (o.out) fs.writeFileSync(o.out, r.csv);
      if (o.out || opts.json) emit(opts, { rows: r.rows, ...(o.out ? { file: o.out } : { csv: r.csv }) }, () => `${r.rows} ${what} written to ${o.out}`);
      else process.stdout.write(r.csv);
    });
  } catch (err) {
    failWith(opts, err);
  }
}

export function register(exp: Command): void {
  exp
    .command('decisions')
    .description('decisions as CSV: case, participant, decision, reason, who, when, working days from intake')
    .option('--from <date>', 'first day of decisions (yyyy-mm-dd)')
    .option('--to <date>', 'last day of decisions (yyyy-mm-dd)')
    .option('--out <file>', 'write the CSV to this file instead of printing it')
    .action((o: Range, cmd: Command) =>
      runExport(
        o,
        cmd,
        'exports.decisions',
        (ctx) => ({ ...decisionsCsv(ctx, { from: o.from, to: o.to }), audit: { from: o.from ?? null, to: o.to ?? null } }),
        'decisions',
      ),
    );
  exp
    .command('dashboard')
    .description(`a table of the branch dashboard as CSV (${DASHBOARD_TABLES.join(', ')})`)
    .requiredOption('--table <name>', `which table: ${DASHBOARD_TABLES.join(', ')}`)
    .option('--from <date>', `first day (yyyy-mm-dd; default: ${DEFAULT_RANGE_DAYS} days before --to)`)
    .option('--to <date>', 'last day (yyyy-mm-dd; default: today)')
    .option('--out <file>', 'write the CSV to this file instead of printing it')
    .action((o: Range & { table: string }, cmd: Command) => {
      if (!(DASHBOARD_TABLES as readonly string[]).includes(o.table)) {
        return failWith(cmd.optsWithGlobals<GlobalOptions>(), badInput(`--table must be one of ${DASHBOARD_TABLES.join(', ')}`));
      }
      return runExport(
        o,
        cmd,
        'exports.dashboard',
        (ctx) => {
          const to = o.to ?? iso(ctx.now());
          const from = o.from ?? iso(plusDays(parseIsoDate(to)!, -(DEFAULT_RANGE_DAYS - 1)));
          const input = { from, to, table: o.table as DashboardTable };
          return { ...dashboardCsv(ctx, input), audit: input };
        },
        'rows',
      );
    });
}
