// Desks at work on one store: each desk a `claimdesk serve` of its own (tests/helpers/serve.ts), driven over
// HTTP as its browser would. Officers open a case for a participant, state its facts and submit it;
// supervisors take a case awaiting a decision, read its review and approve it (acknowledging its blockers)
// or return it. Every call is timed, and every write the desk was told succeeded is remembered, with what
// it wrote, for the check that follows (verify.ts).
import { performance } from 'node:perf_hooks';
import type { Result } from '../../src/shared/api/result';
import type { CaseDetail, CaseSummary } from '../../src/shared/api/methods-cases';
import type { CaseReview } from '../../src/shared/api/methods-review';
import type { ClaimType } from '../../src/shared/domain/claims';
import { Rng } from '../../tools/synth/random';
import { Tab } from '../../tests/helpers/http';
import { serveHost, stopHost, type ServedHost } from '../../tests/helpers/serve';
import type { Account } from '../../tests/helpers/sessions';

export interface Call {
  method: string;
  ms: number;
  /** The error code of a refused or failed call. */
  error?: string;
}

/** The first answer of each kind of refusal (method and code), with the desk that got it. */
export type FirstRefusals = Map<string, string>;

/** Writes a desk was told succeeded, in the order it was told. */
export interface Acknowledged {
  creates: { caseId: number; reference: string; by: string }[];
  facts: { caseId: number; facts: Record<string, boolean | number>; by: string }[];
  submits: { caseId: number; by: string }[];
  decisions: { caseId: number; decision: 'approve' | 'return'; by: string }[];
}

export interface DeskRun {
  calls: Call[];
  acked: Acknowledged;
  seconds: number;
  first: FirstRefusals;
}

const CLAIM_TYPES: readonly ClaimType[] = ['JKM', 'JHT', 'JKK'];

/** Starts one served desk per home (the same home for several desks shares its SQLite file). */
export async function startDesks(homes: string[], env: NodeJS.ProcessEnv): Promise<ServedHost[]> {
  const started = await Promise.allSettled(homes.map((home) => serveHost(home, [], env)));
  const desks = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stopDesks(desks);
    throw failed.reason;
  }
  return desks;
}

export const stopDesks = (desks: ServedHost[]): Promise<unknown> => Promise.all(desks.map((d) => stopHost(d)));

/** What the desks' back ends logged: each entry's first line ("[claimdesk] internal error: …") counted,
 * and the whole of the first entry of each kind (with its stack), to say where it came from. */
export function deskLog(desks: ServedHost[]): { counts: Map<string, number>; first: Map<string, string> } {
  const counts = new Map<string, number>();
  const first = new Map<string, string>();
  for (const d of desks) {
    let rest = '';
    let entry: string | null = null;
    d.proc.stderr!.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('[claimdesk]')) {
          counts.set(line, (counts.get(line) ?? 0) + 1);
          entry = first.has(line) ? null : line;
          if (entry) first.set(line, line);
        } else if (entry && /^\s+at /.test(line)) first.set(entry, `${first.get(entry)!}\n${line}`);
      }
    });
  }
  return { counts, first };
}

/**
 * Runs the desks for `seconds`: desk i signed in as `accounts[i]` (officers and supervisors). A desk
 * finishes the call it is making when time is up. `kpjs` are participants' KPJ numbers to open cases for.
 */
export async function workDesks(desks: ServedHost[], accounts: Account[], kpjs: () => string, seconds: number): Promise<DeskRun> {
  const calls: Call[] = [];
  const first: FirstRefusals = new Map();
  const acked: Acknowledged = { creates: [], facts: [], submits: [], decisions: [] };
  const call = async <T>(tab: Tab, method: string, input: unknown): Promise<T | null> => {
    const t = performance.now();
    const r: Result<unknown> = await tab.call(method, input);
    calls.push({ method, ms: performance.now() - t, ...(r.ok ? {} : { error: r.error.code }) });
    if (!r.ok && !first.has(`${method}: ${r.error.code}`)) first.set(`${method}: ${r.error.code}`, `${JSON.stringify(r.error)} (port ${tab.port})`);
    return r.ok ? (r.value as T) : null;
  };
  // A sign-in the store refused (busy) is tried again, as a person would.
  const signIn = async (tab: Tab, a: Account): Promise<Tab> => {
    for (let i = 0; i < 20; i++) if (await call(tab, 'auth.signIn', { username: a.username, password: a.password })) return tab;
    throw new Error(`${a.username} could not sign in`);
  };
  const tabs = await Promise.all(desks.map((d, i) => signIn(new Tab(d.port, d.token), accounts[i]!)));
  const started = performance.now();
  const end = started + seconds * 1000;

  const officer = async (tab: Tab, by: string, rng: Rng): Promise<void> => {
    while (performance.now() < end) {
      const claimType = rng.pick(CLAIM_TYPES);
      const made = await call<CaseDetail>(tab, 'cases.create', { claimType, kpj: kpjs(), incidentDate: '2026-11-20', notes: `bench ${by}` });
      if (!made) continue;
      acked.creates.push({ caseId: made.id, reference: made.reference, by });
      if (performance.now() >= end) break;
      const facts = { death: claimType === 'JKM', heirIsSpouse: rng.chance(0.5), benefitAmount: rng.int(1, 500) * 100_000 };
      if (await call(tab, 'checks.run', { caseId: made.id, facts })) acked.facts.push({ caseId: made.id, facts, by });
      if (performance.now() >= end) break;
      if (await call(tab, 'cases.submit', { caseId: made.id, version: made.version, note: 'mohon diperiksa' })) acked.submits.push({ caseId: made.id, by });
    }
  };

  const supervisor = async (tab: Tab, by: string, rng: Rng): Promise<void> => {
    while (performance.now() < end) {
      const waiting = await call<{ cases: CaseSummary[] }>(tab, 'cases.list', { status: ['awaiting_supervisor'], sort: 'updated', limit: 20 });
      if (!waiting?.cases.length) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      const c = rng.pick(waiting.cases);
      const review = await call<CaseReview>(tab, 'cases.review', { caseId: c.id });
      if (!review || performance.now() >= end) continue;
      const decision = rng.chance(0.25) ? 'return' : 'approve';
      const input =
        decision === 'return'
          ? { returnReason: 'documents_missing', items: ['Fotokopi KTP ahli waris'] }
          : { acknowledged: review.flags.filter((f) => f.severity === 'blocker').map((f) => f.key) };
      const decided = await call(tab, 'cases.decide', { caseId: c.id, version: review.version, decision, note: 'sesuai pemeriksaan', ...input });
      if (decided) acked.decisions.push({ caseId: c.id, decision, by });
    }
  };

  await Promise.all(
    tabs.map((tab, i) => {
      const a = accounts[i]!;
      return (a.role === 'supervisor' ? supervisor : officer)(tab, a.username, new Rng(1000 + i));
    }),
  );
  return { calls, acked, seconds: (performance.now() - started) / 1000, first };
}
