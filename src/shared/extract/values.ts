// Turns the words found after a label into a contract value (contract §2) with a confidence that
// combines OCR confidence with validation; an unsure value is left empty for manual keying.
import type { ExtractedField, FieldValue } from '../domain/documents';
import { parseIndonesianDate } from '../normalize/dates';
import { normalizeAccount, normalizeKk, normalizeKpj, normalizeNik, normalizeNpwp } from '../normalize/identifiers';
import {
  isPlausibleName,
  normalizeAddress,
  normalizeName,
  normalizePersonName,
  parseGender,
  parseKondisiAkhir,
  parseRupiah,
  parseTime,
} from '../normalize/values';
import { editDistance, squash, toleratedEdits } from '../normalize/fuzzy';
import type { FieldKind } from './specs';
import { unionBox, type Word } from './layout';
import { PROGRAMS } from '../domain/participant';
import { EXTRACTION } from '../tuning';

/** Below this a value is not pre-filled: the officer keys it (see tuning/extraction.ts). */
export const MIN_CONFIDENCE = EXTRACTION.minConfidence;

let threshold = MIN_CONFIDENCE;
/** The threshold in force for the current (synchronous) extraction run. */
export const minConfidence = (): number => threshold;

/** Run `fn` with another threshold: the benchmark uses it to print the calibration curve. */
export function withMinConfidence<T>(value: number, fn: () => T): T {
  const before = threshold;
  threshold = value;
  try {
    return fn();
  } finally {
    threshold = before;
  }
}

interface Parsed {
  value: FieldValue | null;
  /** 0–1: how much the value's own structure vouches for it (1 = fully validated). */
  validity: number;
  reason?: string;
  /** Read exactly as one entry of a closed list (gender, religion…): a misread would not land on it. */
  closed?: boolean;
}

/**
 * Program codes in a list as printed ("JKK, JKM, JHT" or "JKK - JKM"), in the order of PROGRAMS. A
 * three-letter word one letter away from exactly one code is that code misread ("IKK", "JAT"); a word as
 * close to two codes ("JKX": JKK, JKM, JKP) is no code at all, and is counted as `unread`: a list with a
 * code missing from it would be a wrong list, not a shorter right one.
 */
function programsIn(text: string): { codes: { code: string; repaired: boolean }[]; unread: number } {
  // A letter or figure standing alone between codes is a separator misread ("JKK e JHT", "JKK 2 JKM");
  // one inside a word ("J.M") is a code damaged.
  const words = text
    .toUpperCase()
    .split(/\s+/)
    .filter((t) => !/^[A-Z0-9]$/.test(t))
    .flatMap((t) => t.split(/[^A-Z0-9]+/))
    .filter(Boolean);
  const found = new Map<string, boolean>();
  let unread = 0;
  for (const w of words) {
    if ((PROGRAMS as readonly string[]).includes(w)) found.set(w, false);
    else if (w.length === 3) {
      const near = PROGRAMS.filter((p) => p.length === 3 && editDistance(w, p, 1) === 1);
      if (near.length === 1 && !found.has(near[0] as string)) found.set(near[0] as string, true);
      else if (!LIST_WORDS.has(w)) unread++;
    } else if (w.length <= 4 && !LIST_WORDS.has(w)) unread++;
  }
  return { codes: PROGRAMS.filter((p) => found.has(p)).map((code) => ({ code, repaired: found.get(code) as boolean })), unread };
}

/** Words a printed program list may hold besides codes. */
const LIST_WORDS = new Set(['DAN', 'ATAU', 'DST']);

/** Snap a misread value onto its fixed list ("SEUMURHIDUP", "KATH0LIK"); null when nothing is close. */
export function snap(text: string, vocabulary: readonly string[]): string | null {
  const s = squash(text.replace(/0/g, 'O').replace(/1/g, 'I'));
  let best: { v: string; d: number } | null = null;
  for (const v of vocabulary) {
    const t = squash(v);
    const tol = toleratedEdits(t.length);
    // Short entries ("WNI") also match with one trailing speck ("WNIT").
    const d = Math.min(editDistance(s, t, tol), t.length <= 4 && s.length === t.length + 1 && s.startsWith(t) ? 1 : Infinity);
    if (d <= Math.max(tol, t.length <= 4 ? 1 : 0) && (!best || d < best.d)) best = { v, d };
  }
  return best?.v ?? null;
}

function parseValue(kind: FieldKind, text: string, refYear: number, vocabulary?: readonly string[]): Parsed {
  if (vocabulary && kind !== 'validity') {
    const v = snap(text, vocabulary);
    if (v) return { value: v, validity: 1, closed: squash(v) === squash(text) };
  }
  const id = (r: { value: string | null; repaired: number; reason?: string }): Parsed =>
    r.value === null ? { value: null, validity: 0, reason: r.reason ?? 'unreadable' } : { value: r.value, validity: Math.pow(0.85, r.repaired) };
  switch (kind) {
    case 'nik':
      return id(normalizeNik(text));
    case 'kk':
      return id(normalizeKk(text));
    case 'kpj':
      return id(normalizeKpj(text));
    case 'npwp':
      return id(normalizeNpwp(text));
    case 'account':
      return id(normalizeAccount(text));
    case 'date': {
      const r = parseIndonesianDate(text, refYear);
      if (r.value && Number(r.value.slice(0, 4)) > refYear + 1) return { value: null, validity: 0, reason: 'date_in_future' };
      return r.value ? { value: r.value, validity: Math.pow(0.85, r.repaired) } : { value: null, validity: 0, reason: r.reason ?? 'date_unreadable' };
    }
    case 'time': {
      const r = parseTime(text);
      return r.value ? { value: r.value, validity: Math.pow(0.85, r.repaired) } : { value: null, validity: 0, reason: r.reason ?? 'time_unreadable' };
    }
    case 'gender': {
      const r = parseGender(text);
      return r.value
        ? { value: r.value, validity: 1, closed: /^(LAKI-LAKI|PEREMPUAN)$/.test(text.trim().toUpperCase()) }
        : { value: null, validity: 0, reason: 'gender_unreadable' };
    }
    case 'money': {
      const r = parseRupiah(text);
      if (r.value === null) return { value: null, validity: 0, reason: r.reason ?? 'amount_unreadable' };
      if (r.value < 1000 || r.value > 10_000_000_000) return { value: null, validity: 0, reason: 'amount_implausible' };
      return { value: r.value, validity: Math.pow(0.85, r.repaired) };
    }
    case 'kondisi': {
      const r = parseKondisiAkhir(text);
      return r.value ? { value: r.value, validity: 1 } : { value: null, validity: 0, reason: r.reason ?? 'kondisi_unreadable' };
    }
    case 'blood': {
      const m = /^\s*(AB|A|B|O|0)\s*([+-]|POS|NEG)?\s*$/i.exec(text);
      return m ? { value: (m[1] ?? '').toUpperCase().replace('0', 'O'), validity: 1 } : { value: null, validity: 0, reason: 'blood_unreadable' };
    }
    case 'rtrw': {
      // Six digits alone are the two numbers with their slash lost ("015010" for 015/010).
      const slashed = /([0-9OoIl]{1,3})\s*\/\s*([0-9OoIl]{1,3})/.exec(text);
      const m = slashed ?? /^\s*([0-9OoIl]{3})([0-9OoIl]{3})\s*$/.exec(text);
      if (!m) return { value: null, validity: 0, reason: 'rtrw_unreadable' };
      const fix = (s: string): string => s.replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
      const v = `${fix(m[1] ?? '')}/${fix(m[2] ?? '')}`;
      return { value: v, validity: slashed && /^\d{3}\/\d{3}$/.test(v) ? 1 : 0.9 };
    }
    case 'programs': {
      const { codes, unread } = programsIn(text);
      if (unread) return { value: null, validity: 0, reason: 'programs_partly_unreadable' };
      // Codes read letter for letter come from a closed list of five: the list vouches for them.
      return codes.length
        ? { value: codes.map((f) => f.code), validity: codes.some((f) => f.repaired) ? 0.9 : 1, closed: !codes.some((f) => f.repaired) }
        : { value: null, validity: 0, reason: 'programs_unreadable' };
    }
    case 'name': {
      const v = normalizePersonName(text);
      if (!v) return { value: null, validity: 0, reason: 'empty' };
      return isPlausibleName(v) ? { value: v, validity: 1 } : { value: null, validity: 0, reason: 'name_implausible' };
    }
    case 'docno': {
      const joined = text
        .toUpperCase()
        .replace(/\s*([/-])\s*/g, '$1')
        .replace(/^[\s:;.]+|[\s:;,.]+$/g, '');
      // Stray marks before the number ("1 3578-KM-…") are dropped: keep the longest token with digits.
      const tokens = joined.split(/\s+/).filter((t) => /\d/.test(t));
      const v =
        tokens.length > 1 && tokens.some((t) => /[/-]/.test(t))
          ? (tokens.filter((t) => /[/-]/.test(t)).sort((a, b) => b.length - a.length)[0] ?? joined)
          : joined;
      // Roman-numeral month parts (".../VI/2005") misread with 1 or l.
      const parts = v.split('/');
      const fixed = parts
        .map((part, i) => {
          const roman = /^[IVXL1l|]+$/.test(part) && /[IVX]/.test(part);
          // A month slot before the year ("…/111/2001") is roman even when every I was read as 1.
          const monthSlot = /^[1lI|]{1,3}$/.test(part) && /^(19|20)\d{2}$/.test(parts[i + 1] ?? '') && i >= 2;
          return roman || monthSlot ? part.replace(/[1l|]/g, 'I') : part;
        })
        .join('/');
      return /\d/.test(fixed) && fixed.length >= 3 ? { value: fixed, validity: 0.95 } : { value: null, validity: 0, reason: 'docno_unreadable' };
    }
    case 'validity': {
      // "SEUMUR HIDUP" on citizens' cards; older cards print an expiry date.
      const life = vocabulary ? snap(text, vocabulary) : null;
      if (life) return { value: life, validity: 1 };
      const r = parseIndonesianDate(text, refYear);
      return r.value ? { value: r.value, validity: Math.pow(0.85, r.repaired) } : { value: null, validity: 0, reason: 'validity_unreadable' };
    }
    case 'address': {
      const v = normalizeAddress(text);
      return v.length >= 1 ? { value: v, validity: 0.95 } : { value: null, validity: 0, reason: 'empty' };
    }
    case 'text':
    case 'ttl': {
      const v = normalizeName(text);
      return v.length >= 1 ? { value: v, validity: 0.95 } : { value: null, validity: 0, reason: 'empty' };
    }
  }
}

/** OCR confidence of a value: its weakest word counts most, because one misread word makes it wrong. */
export function ocrConfidence(all: readonly Word[]): number {
  // Separators between list items ("JKK - JKM") carry no value; their confidence does not count.
  const meaningful = all.filter((w) => /[\p{L}\p{N}]/u.test(w.text));
  const words = meaningful.length ? meaningful : all;
  if (!words.length) return 0;
  const mean = words.reduce((a, w) => a + w.confidence, 0) / words.length;
  const min = Math.min(...words.map((w) => w.confidence));
  return Math.min(mean, min + 0.15);
}

export interface FieldInput {
  kind: FieldKind;
  words: readonly Word[];
  page: number;
  /** Penalty for a fuzzy label match (0 = exact). */
  labelDistance: number;
  refYear: number;
  /** Override the text parsed (e.g. the date part of "JAMBI, 05-06-1988"). */
  text?: string;
  vocabulary?: readonly string[];
}

export function buildField(input: FieldInput): ExtractedField {
  const field = buildFieldOf(input);
  // Unsure marks before or after a value that does not parse with them are dust beside it ("A ed" for
  // blood group A, "7 KAWIN"): the value is read without them. (Only when it fails: a name parses with
  // any tail.)
  // Only a value of a closed list is read so: it lands on an entry of the list or on nothing, where a
  // time or a number left after the marks could be a hand's, read in part.
  if (field.value !== null || input.text || !(input.vocabulary || CLOSED_KINDS.has(input.kind))) return field;
  const dust = (w: Word | undefined): boolean => !!w && w.confidence < EXTRACTION.dustConfidence && w.text.length <= 3;
  let words = [...input.words];
  while (words.length > 1 && (dust(words[words.length - 1]) || dust(words[0]))) {
    words = dust(words[words.length - 1]) ? words.slice(0, -1) : words.slice(1);
    const shorter = buildFieldOf({ ...input, words });
    if (shorter.value !== null) return shorter;
  }
  return field;
}

const CLOSED_KINDS: ReadonlySet<FieldKind> = new Set(['blood', 'gender', 'kondisi', 'validity']);

function buildFieldOf(input: FieldInput): ExtractedField {
  const text = input.text ?? input.words.map((w) => w.text).join(' ');
  const bbox = input.words.length ? unionBox(input.words.map((w) => w.bbox)) : null;
  if (!text.trim()) return { value: null, confidence: 0, page: input.page, bbox, needsKeying: true, reason: 'value_empty' };
  // Handwriting is the officer's to key, however confidently it was read; nor is it confirmed from
  // another document (no reading is kept aside).
  if (input.words.some((w) => w.handwritten)) return { value: null, confidence: 0, page: input.page, bbox, needsKeying: true, reason: 'handwriting' };
  const parsed = parseValue(input.kind, text, input.refYear, input.vocabulary);
  // A closed-list value read letter for letter is vouched for by the list; weak OCR counts half.
  const ocr = parsed.closed ? 0.5 + 0.5 * ocrConfidence(input.words) : ocrConfidence(input.words);
  const confidence = Math.max(0, Math.min(1, ocr * parsed.validity * Math.pow(0.95, input.labelDistance)));
  if (parsed.value === null) {
    const f: ExtractedField = {
      value: null,
      confidence: round(Math.min(confidence, 0.3)),
      page: input.page,
      bbox,
      needsKeying: true,
      reason: parsed.reason ?? 'unreadable',
    };
    const head = input.kind === 'nik' && parsed.reason === 'wrong_length' ? leadingDigits(text) : '';
    if (head.length >= MIN_NIK_HEAD && head.length <= 17 && head.length !== 16) truncated.set(f, head);
    return f;
  }
  if (confidence < threshold) {
    const f: ExtractedField = { value: null, confidence: round(confidence), page: input.page, bbox, needsKeying: true, reason: 'low_confidence' };
    candidates.set(f, parsed.value);
    return f;
  }
  return { value: parsed.value, confidence: round(confidence), page: input.page, bbox, source: 'ocr' };
}

export const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * What a field left empty for low confidence would have read: kept aside (never output) so another
 * document of the bundle that reads the same value confidently can confirm it.
 */
const candidates = new WeakMap<ExtractedField, FieldValue>();
export const lowConfidenceReading = (f: ExtractedField): FieldValue | undefined => candidates.get(f);

/**
 * A NIK cut short at the page edge or by a stain ("NIK : 167101111172"): its leading digits, read as
 * printed (no look-alike repair, nothing after the first non-digit), kept aside (never output) so a
 * full NIK elsewhere in the bundle that starts with them can complete it. Twelve digits cover region
 * and birth date, so only a twin could share them. A NIK read one digit too long (a speck or a bar read
 * as a leading "1") is kept aside the same way: a NIK of the bundle that it holds whole completes it.
 */
const MIN_NIK_HEAD = EXTRACTION.minNikHead;
const truncated = new WeakMap<ExtractedField, string>();
export const truncatedNikHead = (f: ExtractedField): string | undefined => truncated.get(f);
const leadingDigits = (text: string): string => (/^[\s:;=.~-]*(\d[\d ]*)/.exec(text)?.[1] ?? '').replace(/ /g, '');

export const missingField = (page: number): ExtractedField => ({ value: null, confidence: 0, page, bbox: null, needsKeying: true, reason: 'not_found' });
