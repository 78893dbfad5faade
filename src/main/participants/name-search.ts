// Ranked fuzzy name search. Candidates come from the phonetic-key index (all query words when they
// agree, else any of them, else a key prefix for a damaged word); candidates are then ranked by the
// same name matcher the cross-checks use, and one person holding several KPJ numbers is one hit.
import { matchNames, normalizeName } from '../../shared/names/index';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database';

/** Ranking more than this many candidates would cost more than the search budget allows. */
const MAX_CANDIDATES = 1500;

interface Candidate {
  id: number;
  nik: string;
  nama: string;
}

export interface NameHit {
  id: number;
  score: number;
}

export class NameSearch {
  private readonly byKey;
  private readonly byPrefix;
  private readonly countKey;
  private readonly intersect = new Map<number, Statement<string[]>>();

  constructor(private readonly db: Db) {
    const cols = `p.id, p.nik, p.nama`;
    this.byKey = db.prepare(`SELECT ${cols} FROM participant_name_keys k JOIN participants p ON p.id = k.participant_id WHERE k.key = ? LIMIT ${MAX_CANDIDATES}`);
    this.byPrefix = db.prepare(
      `SELECT ${cols} FROM participant_name_keys k JOIN participants p ON p.id = k.participant_id WHERE k.key >= ? AND k.key < ? LIMIT ${MAX_CANDIDATES}`,
    );
    this.countKey = db.prepare(`SELECT count(*) FROM participant_name_keys WHERE key = ?`).pluck();
  }

  private intersection(keys: string[]): Candidate[] {
    let stmt = this.intersect.get(keys.length);
    if (!stmt) {
      const sub = keys.map(() => `SELECT participant_id FROM participant_name_keys WHERE key = ?`).join(' INTERSECT ');
      stmt = this.db.prepare<string[]>(`SELECT p.id, p.nik, p.nama FROM participants p WHERE p.id IN (${sub}) LIMIT ${MAX_CANDIDATES}`);
      this.intersect.set(keys.length, stmt);
    }
    return stmt.all(...keys) as Candidate[];
  }

  private candidates(keys: string[]): Candidate[] {
    if (keys.length > 1) {
      const all = this.intersection(keys);
      if (all.length > 0) return all;
    }
    // Rarest words first: they narrow the field most.
    const ranked = keys.map((k) => ({ k, n: this.countKey.get(k) as number })).sort((a, b) => a.n - b.n);
    const out = new Map<number, Candidate>();
    for (const { k, n } of ranked) {
      if (n === 0) continue;
      for (const c of this.byKey.all(k) as Candidate[]) out.set(c.id, c);
      if (out.size >= MAX_CANDIDATES) break;
    }
    if (out.size > 0) return [...out.values()];
    // No word found as written: a damaged or misspelt word still shares its first letters.
    for (const k of keys.filter((x) => x.length >= 4)) {
      const prefix = k.slice(0, 3);
      const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
      for (const c of this.byPrefix.all(prefix, next) as Candidate[]) out.set(c.id, c);
    }
    return [...out.values()];
  }

  search(query: string, limit: number): { hits: NameHit[]; total: number } {
    const keys = [...new Set(normalizeName(query).tokens.filter((t) => !t.initial).map((t) => t.key))];
    if (keys.length === 0) return { hits: [], total: 0 };
    const scored = this.candidates(keys)
      .map((c) => ({ c, score: matchNames(query, c.nama, { threshold: 0.85, tokenThreshold: 0.8 }).score }))
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
