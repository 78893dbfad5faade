// Pairs the tokens of two names regardless of word order: the best-scoring pairs first, each token used
// once. Names have a handful of tokens, so a greedy pass over all pairs is exact enough and cheap.
import { tokenSimilarity } from './distance';
import type { NameToken } from './normalize';
import { phoneticKey } from './phonetic';
import { GENERIC_GIVEN } from './titles';

const GENERIC_KEYS = new Set([...GENERIC_GIVEN].map(phoneticKey));

/** A common given name (Muhammad, Siti, Wayan …) in any spelling. */
export const isGeneric = (t: NameToken): boolean => GENERIC_GIVEN.has(t.text) || GENERIC_KEYS.has(t.key);

export interface TokenPair {
  a: NameToken;
  b: NameToken;
  score: number;
}

export function tokenScore(a: NameToken, b: NameToken): number {
  if (a.initial || b.initial) {
    if (a.initial && b.initial) return a.text === b.text ? 0.9 : 0;
    const [ini, full] = a.initial ? [a, b] : [b, a];
    return full.text.startsWith(ini.text) ? 0.9 : 0;
  }
  if (a.text === b.text) return 1;
  if (a.key === b.key) return 0.97;
  if (isTruncation(a, b)) return 0.9;
  return Math.max(tokenSimilarity(a.text, b.text), tokenSimilarity(a.key, b.key)) * 0.97;
}

/** Letters of a word a printed field cut short must keep ("PURNAMASA" of "PURNAMASARI", a card's name
 * running under its QR code): enough that no other name starts so ("HENDRA" is not "HENDRAWAN"). */
const TRUNCATED_MIN_LETTERS = 6;
const TRUNCATED_MIN_SHARE = 0.75;

/** Endings that make a woman's name of a man's (HIDAYAT, HIDAYATI; NURHASAN, NURHASANAH): a name that
 * lacks one is another person's, not a name cut short. */
const FEMININE_ENDINGS = new Set(['I', 'AH', 'IAH', 'YAH', 'NI', 'TI', 'ATI', 'WATI', 'YATI']);

/** One word is the other cut short at its end. */
export function isTruncation(a: NameToken, b: NameToken): boolean {
  const [cut, whole] = a.text.length <= b.text.length ? [a.text, b.text] : [b.text, a.text];
  return (
    cut.length < whole.length &&
    cut.length >= TRUNCATED_MIN_LETTERS &&
    cut.length >= whole.length * TRUNCATED_MIN_SHARE &&
    whole.startsWith(cut) &&
    !FEMININE_ENDINGS.has(whole.slice(cut.length))
  );
}

/** Best pairing of `short` tokens onto `long` tokens; pairs scoring below 0.3 are left out. */
export function pairTokens(short: NameToken[], long: NameToken[]): TokenPair[] {
  const all: TokenPair[] = [];
  for (const a of short) for (const b of long) all.push({ a, b, score: tokenScore(a, b) });
  // Prefer full-token agreement over an initial when scores tie, and earlier positions on equal footing.
  all.sort((x, y) => y.score - x.score || Number(x.b.initial) - Number(y.b.initial));
  const usedA = new Set<NameToken>();
  const usedB = new Set<NameToken>();
  const out: TokenPair[] = [];
  for (const p of all) {
    if (p.score < 0.3 || usedA.has(p.a) || usedB.has(p.b)) continue;
    usedA.add(p.a);
    usedB.add(p.b);
    out.push(p);
  }
  return out.sort((x, y) => short.indexOf(x.a) - short.indexOf(y.a));
}

/** How many distinctive (not common, not initial) tokens agree. */
export function distinctiveAgreement(pairs: TokenPair[], tokenThreshold: number): number {
  return pairs.filter((p) => !p.a.initial && !p.b.initial && p.score >= tokenThreshold && !isGeneric(p.a) && !isGeneric(p.b)).length;
}
