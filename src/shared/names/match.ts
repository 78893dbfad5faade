// Indonesian name matching (shared/domain/bpjs-claims.md §7): a score 0–1, a yes/no against the
// configured threshold, and the reason in words. Below the threshold a name goes to a person to judge;
// this module never decides more than "these two spellings are (not) the same name".
import { distinctiveAgreement, isGeneric, isTruncation, pairTokens, tokenScore, type TokenPair } from './pairing';
import { normalizeName, type NameToken } from './normalize';
import { onlyOcrConfusions } from './distance';

export interface NameMatchOptions {
  /** Overall score at or above which two names are taken as the same person's. */
  threshold: number;
  /** Every full (non-initial) token of the shorter name must reach this similarity. */
  tokenThreshold: number;
}

export const DEFAULT_NAME_MATCH: NameMatchOptions = { threshold: 0.85, tokenThreshold: 0.8 };

/** Why two names differ, as a code with the name parts concerned, for the screens to say in words. */
export type NameDifference =
  | { code: 'empty' }
  | { code: 'only_optional' }
  | { code: 'part_differs'; part: string; other: string; score: number }
  | { code: 'part_missing'; part: string }
  | { code: 'extra_parts'; parts: string }
  | { code: 'only_common' };

export interface NameMatch {
  score: number;
  match: boolean;
  /** English explanation (logs, the command line); `notes` and `differences` carry the same as codes. */
  reason: string;
  notes: string[];
  differences: NameDifference[];
}

const joined = (tokens: NameToken[], k: 'text' | 'key'): string =>
  tokens
    .filter((t) => !t.optional)
    .map((t) => t[k])
    .join('');

const round = (n: number): number => Math.round(n * 1000) / 1000;

function english(d: NameDifference): string {
  switch (d.code) {
    case 'empty':
      return 'a name is empty';
    case 'only_optional':
      return 'only optional name parts (patronym or prefix) were given';
    case 'part_differs':
      return `"${d.part}" vs "${d.other}" (${d.score})`;
    case 'part_missing':
      return `"${d.part}" not found in the other name`;
    case 'extra_parts':
      return `extra name part${d.parts.includes(' ') ? 's' : ''}: ${d.parts}`;
    case 'only_common':
      return 'only common names and initials agree';
  }
}

function result(score: number, opts: NameMatchOptions, notes: Set<string>, differences: NameDifference[]): NameMatch {
  const s = round(Math.max(0, Math.min(1, score)));
  const match = s >= opts.threshold;
  const head = match ? 'names agree' : 'names differ';
  const how = [...notes].map((n) => n.replace(/_/g, ' ')).join(', ');
  return { score: s, match, reason: [head, how, ...differences.map(english)].filter(Boolean).join('; '), notes: [...notes], differences };
}

export function matchNames(a: string, b: string, opts: NameMatchOptions = DEFAULT_NAME_MATCH): NameMatch {
  const na = normalizeName(a);
  const nb = normalizeName(b);
  const notes = new Set([...na.notes, ...nb.notes]);
  if (na.tokens.length === 0 || nb.tokens.length === 0) return result(0, opts, notes, [{ code: 'empty' }]);

  // Same letters, different spacing ("NURHAYATI" / "NUR HAYATI").
  const ja = joined(na.tokens, 'text');
  const jb = joined(nb.tokens, 'text');
  if (ja === jb) return result(na.tokens.length === nb.tokens.length ? 1 : 0.97, opts, notes, []);
  if (joined(na.tokens, 'key') === joined(nb.tokens, 'key')) {
    notes.add('spelling_variant');
    return result(0.95, opts, notes, []);
  }
  // A space lost where OCR also misread a letter beside it ("EDILWAN HERMAWAN", "EDI IWAN HERMAWAN"):
  // the same letters one for one but for OCR confusions.
  if (na.tokens.length !== nb.tokens.length && onlyOcrConfusions(ja, jb)) {
    notes.add('spacing');
    notes.add('ocr_or_typo');
    return result(0.9, opts, notes, []);
  }

  const coreA = na.tokens.filter((t) => !t.optional);
  const coreB = nb.tokens.filter((t) => !t.optional);
  const [short, long] = coreA.length <= coreB.length ? [coreA, coreB] : [coreB, coreA];
  if (short.length === 0) return result(0.5, opts, notes, [{ code: 'only_optional' }]);
  const pairs: TokenPair[] = pairTokens(short, long);
  const detail: NameDifference[] = [];
  const scoreOf = (t: NameToken): number => pairs.find((p) => p.a === t)?.score ?? 0;

  let score = short.reduce((s, t) => s + scoreOf(t), 0) / short.length;
  if (pairs.some((p) => isTruncation(p.a, p.b))) notes.add('truncated');
  if (pairs.some((p) => p.score < 1 && p.score >= opts.tokenThreshold && !p.a.initial && !p.b.initial && !isTruncation(p.a, p.b))) notes.add('ocr_or_typo');
  if (pairs.some((p) => p.a.initial !== p.b.initial)) notes.add('initial');
  if (pairs.some((p, i) => i > 0 && long.indexOf(p.b) < long.indexOf(pairs[i - 1]!.b))) notes.add('word_order');

  // Every full token of the shorter name must be found in the longer one.
  for (const t of short) {
    const s = scoreOf(t);
    if (t.initial ? s === 0 : s < opts.tokenThreshold) {
      const p = pairs.find((x) => x.a === t);
      detail.push(p ? { code: 'part_differs', part: t.text, other: p.b.text, score: round(s) } : { code: 'part_missing', part: t.text });
      score = Math.min(score, 0.7);
    }
  }

  // Extra words in the longer name: a dropped Muhammad/Siti or an extra initial costs little; a patronym
  // written without "bin", or a husband's name appended to a two-word name, is tolerated; a single name
  // agreeing with one of several is not.
  const paired = new Set(pairs.map((p) => p.b));
  const shortAll = coreA.length <= coreB.length ? na.tokens : nb.tokens;
  const shortOptional = shortAll.filter((t) => t.optional);
  const extra = long.filter((t) => !paired.has(t));
  let distinctive = distinctiveAgreement(pairs, opts.tokenThreshold);
  const inOrder = !notes.has('word_order');
  let unexplained: NameToken[] = [];
  for (const t of extra) {
    if (isGeneric(t)) {
      notes.add('dropped_common_name');
      score *= 0.98;
    } else if (t.initial && distinctive >= 1) {
      notes.add('initial');
      score *= 0.97;
    } else if (shortOptional.some((o) => !o.initial && tokenScore(o, t) >= opts.tokenThreshold)) {
      notes.add('patronym');
      distinctive += 1;
    } else {
      unexplained = [...unexplained, t];
    }
  }
  if (unexplained.length > 0) {
    detail.push({ code: 'extra_parts', parts: unexplained.map((t) => t.text).join(' ') });
    const appended = unexplained.length === 1 && long[long.length - 1] === unexplained[0] && inOrder;
    if (appended && short.length >= 2 && pairs.length === short.length && score >= opts.threshold) {
      notes.add('added_name');
      score *= 0.95;
    } else {
      score = Math.min(score * 0.85, 0.75);
    }
  }
  // A match resting only on common given names and initials ("SITI A.") is weak but acceptable when
  // nothing contradicts it; a lone common name ("SITI" vs "SITI AMINAH") is not.
  if (distinctive === 0 && score >= opts.threshold) {
    const fullMatched = pairs.some((p) => !p.a.initial && !p.b.initial && p.score >= opts.tokenThreshold);
    const initialMatched = pairs.some((p) => p.a.initial !== p.b.initial && p.score > 0);
    // The same common name(s) and nothing else on either side ("MUHAMMAD" / "MVHAMMAD") is agreement.
    const allFull = pairs.length === short.length && short.length === long.length && pairs.every((p) => !p.a.initial && !p.b.initial);
    if (!(allFull && fullMatched)) {
      score = fullMatched && initialMatched ? Math.min(score, 0.86) : Math.min(score, 0.6);
      detail.push({ code: 'only_common' });
    }
  }
  return result(score, opts, notes, detail);
}
