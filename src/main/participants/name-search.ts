// Ranked fuzzy name search. Each query word becomes its phonetic key; a key nobody has (a typo or OCR
// damage) is replaced by the indexed keys that start alike and are spelt nearly the same. Candidates
// are those holding every word (else any word, rarest first); they are ranked by the same name matcher
// the cross-checks use, and one person holding several KPJ numbers is one hit.
import type { Statement } from 'better-sqlite3';
import { matchNames, normalizeName, type NameToken } from '../../shared/names/index';
import { tokenSimilarity } from '../../shared/names/distance';
import { pairTokens } from '../../shared/names/pairing';
import type { Db } from '../db/database';
import { manyRows, marks, type ManyRows } from '../db/batch';

/** Ranking more than this many candidates would cost more than the search budget allows. */
const MAX_CANDIDATES = 800;
/** How many distinct indexed keys sharing a prefix are considered for one damaged word. */
const MAX_ALTERNATIVES = 300;

interface Candidate {
  id: number;
  nik: string;
  nama: string;
}

export interface NameHit {
  id: number;
  score: number;
}

/**
 * Names the matcher accepts as the same rank first, by its score; the rest by how much of both names
 * agrees word for word, so a typo in one word still ranks the right person above a shorter namesake.
 */
function rankScore(query: string, q: NameToken[], nama: string): number {
  const m = matchNames(query, nama);
  if (m.match) return m.score;
  const n = normalizeName(nama).tokens.filter((t) => !t.optional);
  if (q.length === 0 || n.length === 0) return 0;
  // Every query word counts; words the name has beyond the query cost a little.
  const [short, long] = q.length <= n.length ? [q, n] : [n, q];
  const agree = pairTokens(short, long).reduce((s, p) => s + p.score, 0);
  const extra = Math.max(0, n.length - q.length);
  return Math.max(0, Math.round(((0.84 * agree) / q.length - 0.05 * extra) * 1000) / 1000);
}

export class NameSearch {
  private readonly countKey;
  private readonly nextKey;
  private readonly byId: ManyRows;
  private readonly statements = new Map<string, Statement<string[]>>();

  constructor(private readonly db: Db) {
    this.countKey = db.prepare(`SELECT count(*) FROM participant_name_keys WHERE key = ?`).pluck();
    // All candidates in one statement: on PostgreSQL each statement is a round trip to the server.
    this.byId = manyRows(db, (n) => `SELECT id, nik, nama FROM participants WHERE id IN (${marks(n)})`, { chunk: MAX_CANDIDATES, width: 1 });
    // Seeks to the next distinct key: cheap on the (key, participant_id) primary key.
    this.nextKey = db.prepare(`SELECT key FROM participant_name_keys WHERE key > ? ORDER BY key LIMIT 1`).pluck();
  }

  private stmt(shape: string, sql: () => string): Statement<string[]> {
    let s = this.statements.get(shape);
    if (!s) {
      s = this.db.prepare<string[]>(sql());
      this.statements.set(shape, s);
    }
    return s;
  }

  /** The key itself when indexed, else indexed keys with the same first letters and a near spelling. */
  private alternatives(key: string, count: (key: string) => number): string[] {
    if (count(key) > 0) return [key];
    if (key.length < 4) return [];
    const prefix = key.slice(0, 2);
    const out: { k: string; s: number }[] = [];
    let k = this.nextKey.get(prefix) as string | undefined;
    for (let n = 0; k !== undefined && k.startsWith(prefix) && n < MAX_ALTERNATIVES; n++) {
      const s = tokenSimilarity(key, k);
      if (s >= 0.7) out.push({ k, s });
      k = this.nextKey.get(k) as string | undefined;
    }
    return out
      .sort((a, b) => b.s - a.s)
      .slice(0, 8)
      .map((x) => x.k);
  }

  private rows(ids: number[]): Candidate[] {
    const found = new Map((this.byId.all(ids.map((id) => [id])) as Candidate[]).map((c) => [Number(c.id), c]));
    return ids.map((id) => found.get(id)).filter((c): c is Candidate => c !== undefined);
  }

  /**
   * Participants holding a key of every group. The rarest group drives; the others are probed per
   * participant on the (key, participant_id) primary key, and LIMIT stops the scan once enough are found.
   * Only then are the few participant rows read.
   */
  private all(groups: string[][]): Candidate[] {
    const shape = groups.map((g) => g.length).join(',');
    const marks = (g: string[]): string => g.map(() => '?').join(',');
    const [first, ...rest] = groups as [string[], ...string[][]];
    const exists = rest
      .map((g) => `AND EXISTS (SELECT 1 FROM participant_name_keys k2 WHERE k2.key IN (${marks(g)}) AND k2.participant_id = k.participant_id)`)
      .join(' ');
    const ids = this.stmt(
      `all:${shape}`,
      () => `SELECT DISTINCT k.participant_id FROM participant_name_keys k WHERE k.key IN (${marks(first)}) ${exists} LIMIT ${MAX_CANDIDATES}`,
    )
      .pluck()
      .all(...groups.flat()) as number[];
    return this.rows(ids);
  }

  private any(group: string[]): Candidate[] {
    const ids = this.stmt(
      `any:${group.length}`,
      () => `SELECT DISTINCT participant_id FROM participant_name_keys WHERE key IN (${group.map(() => '?').join(',')}) LIMIT ${MAX_CANDIDATES}`,
    )
      .pluck()
      .all(...group) as number[];
    return this.rows(ids);
  }

  private candidates(keys: string[]): Candidate[] {
    // Each key counted once per search (a statement, so a round trip on PostgreSQL).
    const counts = new Map<string, number>();
    const count = (key: string): number => {
      let n = counts.get(key);
      if (n === undefined) counts.set(key, (n = Number(this.countKey.get(key))));
      return n;
    };
    // Rarest words first: they narrow the field most.
    const groups = keys
      .map((k) => this.alternatives(k, count))
      .filter((g) => g.length > 0)
      .map((g) => ({ g, n: g.reduce((s, k) => s + count(k), 0) }))
      .sort((a, b) => a.n - b.n)
      .map((x) => x.g);
    if (groups.length === 0) return [];
    if (groups.length > 1) {
      const all = this.all(groups);
      if (all.length > 0) return all;
    }
    // Not every word agrees: any of them, rarest first.
    const out = new Map<number, Candidate>();
    for (const g of groups) {
      for (const c of this.any(g)) out.set(c.id, c);
      if (out.size >= MAX_CANDIDATES) break;
    }
    return [...out.values()];
  }

  search(query: string, limit: number): { hits: NameHit[]; total: number } {
    const keys = [
      ...new Set(
        normalizeName(query)
          .tokens.filter((t) => !t.initial)
          .map((t) => t.key),
      ),
    ];
    if (keys.length === 0) return { hits: [], total: 0 };
    const q = normalizeName(query).tokens.filter((t) => !t.optional);
    const scored = this.candidates(keys)
      .map((c) => ({ c, score: rankScore(query, q, c.nama) }))
      .filter((x) => x.score >= 0.4);
    // One person (NIK) with several memberships is one hit: the best-scoring membership stands for them.
    const best = new Map<string, { c: Candidate; score: number }>();
    for (const x of scored) {
      const prev = best.get(x.c.nik);
      if (!prev || x.score > prev.score || (x.score === prev.score && x.c.id < prev.c.id)) best.set(x.c.nik, x);
    }
    const ranked = [...best.values()].sort((a, b) => b.score - a.score || a.c.nama.localeCompare(b.c.nama) || a.c.id - b.c.id);
    return { hits: ranked.slice(0, limit).map((x) => ({ id: x.c.id, score: x.score })), total: ranked.length };
  }
}
