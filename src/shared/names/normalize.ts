// Turns a printed name into comparable tokens: upper case, no diacritics or punctuation, titles front
// and back removed, Muhammad/Abdul forms made canonical, OCR digit damage undone, patronyms and Balinese
// prefixes marked optional. Extraction keeps names as printed; only matching uses this form.
import { ABDUL_FORMS, BACK_TITLES, FRONT_TITLES, MUHAMMAD_FORMS, OPTIONAL_PREFIXES, PATRONYM_CONNECTORS } from './titles';
import { phoneticKey } from './phonetic';

export interface NameToken {
  /** Letters only, upper case, canonical for Muhammad/Abdul forms. */
  text: string;
  /** Spelling-insensitive key (see phonetic.ts). */
  key: string;
  /** One letter written as an abbreviation ("M.", "A"). */
  initial: boolean;
  /** Patronym after bin/binti, or a Balinese prefix: may be absent on another document. */
  optional: boolean;
}

export interface NormalizedName {
  tokens: NameToken[];
  /** What normalisation removed or rewrote, for the match reason. */
  notes: string[];
}

// Digits inside a name are OCR damage: read them as the letters they resemble.
const OCR_DIGITS: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '4': 'A', '5': 'S', '6': 'G', '8': 'B', '9': 'G', '3': 'E', '7': 'T' };

function canonical(word: string, notes: Set<string>): string {
  if (MUHAMMAD_FORMS.has(word)) {
    if (word !== 'MUHAMMAD') notes.add('muhammad_variant');
    return 'MUHAMMAD';
  }
  if (ABDUL_FORMS.has(word)) return 'ABDUL';
  return word;
}

/** Splits a raw name into words, keeping whether each word was written with a dot (an abbreviation). */
function words(raw: string): { word: string; dotted: boolean; afterComma: boolean }[] {
  const text = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
  const out: { word: string; dotted: boolean; afterComma: boolean }[] = [];
  let afterComma = false;
  for (const chunk of text.split(/\s+/)) {
    if (!chunk) continue;
    const commaParts = chunk.split(',');
    // A comma after a front title opening the name is its full stop misread ("HJ, SITI AMINAH"): the
    // degrees only ever follow the name.
    const titleFirst = out.every((w) => FRONT_TITLES.has(w.word)) && FRONT_TITLES.has((commaParts[0] ?? '').replace(/[^A-Z]/g, ''));
    commaParts.forEach((part, i) => {
      if (i > 0 && !titleFirst) afterComma = true;
      if (!part) return;
      const compact = part.replace(/[.'`\u2019-]/g, '');
      // "S.PD", "S.H." and "M.M." are one title each: test the whole dotted chunk before splitting it.
      if (part.includes('.') && (BACK_TITLES.has(compact) || FRONT_TITLES.has(compact))) {
        out.push({ word: compact, dotted: true, afterComma });
        return;
      }
      const pieces = part.split('.');
      pieces.forEach((p, j) => {
        const w = p
          .replace(/['`\u2019]/g, '')
          .replace(/[0-9]/g, (d) => OCR_DIGITS[d] ?? '')
          .replace(/[^A-Z]/g, '');
        if (w) out.push({ word: w, dotted: j < pieces.length - 1 || part.endsWith('.'), afterComma });
      });
    });
  }
  return out;
}

const normCache = new Map<string, NormalizedName>();
const NORM_CACHE_LIMIT = 50_000;

/** Normalised form of a name. Results are shared from a bounded cache: treat them as read-only. */
export function normalizeName(raw: string): NormalizedName {
  const hit = normCache.get(raw);
  if (hit) return hit;
  const out = computeNormalized(raw);
  if (normCache.size >= NORM_CACHE_LIMIT) normCache.clear();
  normCache.set(raw, out);
  return out;
}

function computeNormalized(raw: string): NormalizedName {
  const notes = new Set<string>();
  let list = words(raw);
  // Everything after a comma is degrees ("SITI AMINAH, S.PD, M.M").
  if (list.some((w) => w.afterComma) && list.some((w) => !w.afterComma)) {
    if (list.some((w) => w.afterComma)) notes.add('back_title');
    list = list.filter((w) => !w.afterComma);
  }
  // Front titles: strip while more than one word remains.
  while (list.length > 1 && FRONT_TITLES.has(list[0]!.word)) {
    notes.add('front_title');
    list = list.slice(1);
  }
  // Back titles without a comma ("AHMAD S.PD"): strip from the end while more than one word remains.
  while (list.length > 1 && BACK_TITLES.has(list[list.length - 1]!.word) && (list[list.length - 1]!.dotted || list[list.length - 1]!.word.length >= 3)) {
    notes.add('back_title');
    list = list.slice(0, -1);
  }
  const tokens: NameToken[] = [];
  let patronym = false;
  list.forEach((w, i) => {
    if (PATRONYM_CONNECTORS.has(w.word) && i > 0) {
      patronym = true;
      notes.add('patronym');
      return;
    }
    const text = canonical(w.word, notes);
    const initial = text.length === 1;
    const prefix = OPTIONAL_PREFIXES.has(text) && i === 0 && list.length > 1 && !w.dotted;
    tokens.push({ text, key: initial ? text : phoneticKey(text), initial: initial && !prefix, optional: patronym || prefix });
  });
  if (tokens.some((t) => t.key !== t.text && !t.initial)) notes.add('spelling_variant');
  return { tokens, notes: [...notes] };
}

const keyCache = new Map<string, string[]>();
const KEY_CACHE_LIMIT = 200_000;

/** Tokens for the search index: phonetic keys of every non-initial token, optional ones included. */
export function indexKeys(raw: string): string[] {
  // Whole names repeat often in a member file; remembering them keeps a million-row import fast.
  const hit = keyCache.get(raw);
  if (hit) return hit;
  const keys = [
    ...new Set(
      normalizeName(raw)
        .tokens.filter((t) => !t.initial)
        .map((t) => t.key),
    ),
  ];
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(raw, keys);
  return keys;
}
