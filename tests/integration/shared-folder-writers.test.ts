// Several processes writing to one data folder's SQLite file at once: desks served from the same folder
// (as `npm run bench -- store` runs them), or the app beside a command-line import. Each call either
// does its work or, when other writers hold the file longer than a call waits, is refused as
// `database_busy` with nothing changed; never an internal error. On PostgreSQL every desk has its own
// folder and the store takes turns by its own lock (tests/integration/postgres/desks.test.ts).
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendContext } from '../../src/main/context';
import { DATABASE_FILE } from '../../src/main/db/database';
import type { Result } from '../../src/shared/api/result';
import type { CaseDetail, CaseSummary } from '../../src/shared/api/methods-cases';
import { Tab } from '../helpers/http';
import { serveHost, stopHost, type ServedHost } from '../helpers/serve';
import { createAccounts, valueOf, type Account } from '../helpers/sessions';
import { onPostgres } from '../helpers/store';
import { tempDir } from '../helpers/temp-home';

// Made only where the tests run: on PostgreSQL the suite is skipped, and so are its hooks.
let home: ReturnType<typeof tempDir> | undefined;
let desks: ServedHost[] = [];
let accounts: Record<string, Account> = {};

beforeAll(async () => {
  if (onPostgres) return;
  home = tempDir();
  const setup = new BackendContext({ home: home.dir, transport: 'cli' });
  try {
    accounts = await createAccounts(setup, [
      { username: 'budi', role: 'officer' },
      { username: 'dewi', role: 'officer' },
      { username: 'rina', role: 'supervisor' },
    ]);
  } finally {
    await setup.close();
  }
  desks = await Promise.all([serveHost(home.dir), serveHost(home.dir), serveHost(home.dir)]);
}, 60_000);

afterAll(async () => {
  await Promise.all(desks.map((d) => stopHost(d)));
  home?.cleanup();
});

const tabOn = (desk: ServedHost, who: string): Promise<Tab> => new Tab(desk.port, desk.token).signIn(who, accounts[who]!.password);

describe.skipIf(onPostgres)('desks writing to one SQLite data folder at once', () => {
  it('does every officer’s and supervisor’s work, none of it refused or failed', async () => {
    const [budi, dewi, rina] = await Promise.all([tabOn(desks[0]!, 'budi'), tabOn(desks[1]!, 'dewi'), tabOn(desks[2]!, 'rina')]);
    const answers: Result<unknown>[] = [];
    const call = async <T>(tab: Tab, method: string, input: unknown): Promise<T> => {
      const r = await tab.call(method, input);
      answers.push(r);
      return valueOf<T>(r);
    };
    // Each officer: open a case, state its facts (a read, then writes, in one transaction), submit it.
    const officer = async (tab: Tab, n: number): Promise<number[]> => {
      const ids: number[] = [];
      for (let i = 0; i < n; i++) {
        const made = await call<CaseDetail>(tab, 'cases.create', { claimType: 'JKM', incidentDate: '2026-11-20' });
        await call(tab, 'checks.run', { caseId: made.id, facts: { death: true, heirIsSpouse: true, benefitAmount: 42_000_000 } });
        await call(tab, 'cases.submit', { caseId: made.id, version: made.version, note: 'mohon diperiksa' });
        ids.push(made.id);
      }
      return ids;
    };
    // The supervisor returns what is waiting, as it arrives.
    let officersDone = false;
    const supervisor = async (): Promise<number> => {
      let decided = 0;
      for (;;) {
        // Read before the list is asked for: a list answered empty just before the last submission must
        // not end the round once the officers are done.
        const last = officersDone;
        const waiting = await call<{ cases: CaseSummary[] }>(rina, 'cases.list', { status: ['awaiting_supervisor'], limit: 50 });
        if (waiting.cases.length === 0 && last) return decided;
        for (const c of waiting.cases) {
          await call(rina, 'cases.decide', {
            caseId: c.id,
            version: c.version,
            decision: 'return',
            returnReason: 'documents_missing',
            note: 'kurang',
            items: ['KK'],
          });
          decided++;
        }
      }
    };
    const deciding = supervisor();
    const made = await Promise.all([officer(budi, 15), officer(dewi, 15)]).finally(() => (officersDone = true));
    const decided = await deciding;

    expect(answers.filter((r) => !r.ok)).toEqual([]);
    expect(new Set(made.flat()).size).toBe(30);
    expect(decided).toBe(30);
    const listed = valueOf<{ total: number }>(await budi.call('cases.list', { status: ['returned'], limit: 1 }));
    expect(listed.total).toBe(30);
  }, 120_000);

  it('refuses a write as database_busy while another process holds the file past the wait, then does it', async () => {
    const budi = await tabOn(desks[0]!, 'budi');
    const made = valueOf<CaseDetail>(await budi.call('cases.create', { claimType: 'JHT' }));
    const submit = (): Promise<Result<unknown>> => budi.call('cases.submit', { caseId: made.id, version: made.version, note: 'mohon diperiksa' });
    const other = new Database(path.join(home!.dir, DATABASE_FILE));
    try {
      other.exec('BEGIN IMMEDIATE');
      expect(await submit()).toMatchObject({ ok: false, error: { code: 'database_busy' } });
      other.exec('COMMIT');
    } finally {
      other.close();
    }
    expect(valueOf<CaseDetail>(await budi.call('cases.get', { id: made.id })).status).toBe(made.status);
    expect(valueOf<CaseDetail>(await submit()).status).toBe('awaiting_supervisor');
  }, 30_000);

  it('answers reads while another process holds the file, leaving the session’s last-seen time for a later call', async () => {
    const budi = await tabOn(desks[1]!, 'budi');
    const made = valueOf<CaseDetail>(await budi.call('cases.create', { claimType: 'JKK', incidentDate: '2026-11-20' }));
    const other = new Database(path.join(home!.dir, DATABASE_FILE));
    const lastSeen = (): string[] => other.prepare(`SELECT last_seen_at FROM sessions WHERE ended_at IS NULL ORDER BY id`).pluck().all() as string[];
    try {
      // The sessions were last seen a minute ago (within the idle time), so this call would record the
      // time again; the writer holding the file keeps it from doing so.
      const minuteAgo = new Date(Date.now() - 60_000).toISOString();
      other.prepare(`UPDATE sessions SET last_seen_at = ? WHERE ended_at IS NULL`).run(minuteAgo);
      other.exec('BEGIN IMMEDIATE');
      expect(valueOf<CaseDetail>(await budi.call('cases.get', { id: made.id })).reference).toBe(made.reference);
      expect(valueOf<{ total: number }>(await budi.call('cases.list', { limit: 1 })).total).toBeGreaterThan(0);
      expect(lastSeen().every((at) => at === minuteAgo)).toBe(true);
      other.exec('COMMIT');
      // Once the file is free, the next call records it.
      await budi.call('cases.get', { id: made.id });
      expect(lastSeen().some((at) => at > minuteAgo)).toBe(true);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
  }, 30_000);
});
