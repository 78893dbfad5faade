// OCR reads digits in printed identifiers as look-alike letters (O/0, I/1, S/5, B/8 …); numeric fields
// are repaired here, and the caller learns how many characters were guessed so confidence can drop.

const LOOKALIKE: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  Q: '0',
  D: '0',
  U: '0',
  '°': '0',
  I: '1',
  l: '1',
  i: '1',
  '|': '1',
  '!': '1',
  L: '1',
  ']': '1',
  '[': '1',
  J: '1',
  j: '1',
  Z: '2',
  z: '2',
  E: '3',
  A: '4',
  h: '4',
  S: '5',
  s: '5',
  $: '5',
  G: '6',
  b: '6',
  T: '7',
  '?': '7',
  B: '8',
  '&': '8',
  g: '9',
  q: '9',
};

export interface RepairedDigits {
  digits: string;
  /** Characters that were letters on the page and were read as digits. */
  repaired: number;
}

/** Separators that legitimately sit between digit groups of identifiers (spaces, dots, dashes, slashes),
 * and the quote marks (straight or curly) that specks and ticks beside a number are read as. */
const SEPARATOR = /[\s.\-/,_:'"`~\u2018\u2019\u201a\u201c\u201d\u201e\u00b4]/;

/**
 * Digits of one identifier-like token, repairing look-alike letters. Returns null when the text is not
 * mostly digits (then it is a word, and turning it into digits would invent a number).
 */
export function repairDigits(text: string): RepairedDigits | null {
  let digits = '';
  let repaired = 0;
  let other = 0;
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (SEPARATOR.test(ch)) continue;
    else if (LOOKALIKE[ch] !== undefined) {
      digits += LOOKALIKE[ch];
      repaired++;
    } else other++;
  }
  if (digits.length === 0 || other > 0) return null;
  if (repaired > Math.max(1, Math.floor(digits.length / 3))) return null;
  return { digits, repaired };
}

/** Plain digits only (no repair): for values already known to be numeric. */
export const onlyDigits = (text: string): string => text.replace(/\D+/g, '');
