// A file name is outside data that is shown on screens, in the audit trail and on terminals, so it is
// cleaned once where it enters of everything that could make it act or lie there, and kept otherwise
// exactly as given: control characters (C0, DEL, C1), terminal escape sequences, the Unicode marks that
// reorder text (bidi embeddings, overrides, isolates and the direction marks) and unpaired surrogates.
// Text stored before this rule (an older version kept names raw) is shown through `escapeControls`.

/** C0 controls, DEL and C1 controls. */
const CONTROL = '\\u0000-\\u001F\\u007F-\\u009F';
/** Arabic letter mark, LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI. */
const BIDI = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

/** What a terminal would take as a command rather than text: CSI sequences (ESC [ or 8-bit CSI, then
 * parameters, intermediates and a final byte) and terminated OSC/DCS/PM/APC/SOS strings. */
const ESCAPE_SEQUENCE = new RegExp(
  '(?:\\u001B\\[|\\u009B)[\\u0030-\\u003F]*[\\u0020-\\u002F]*[\\u0040-\\u007E]' +
    '|(?:\\u001B[\\]PX^_]|[\\u0090\\u0098\\u009D-\\u009F])[^\\u0007\\u001B\\u009C]*(?:\\u0007|\\u001B\\\\|\\u009C)',
  'g',
);
const UNSAFE = new RegExp(`[${CONTROL}${BIDI}]|${LONE_SURROGATE}`, 'g');
const UNSAFE_EXCEPT_NEWLINE = new RegExp(`[\\u0000-\\u0009\\u000B-\\u001F\\u007F-\\u009F${BIDI}]|${LONE_SURROGATE}`, 'g');
/** Characters JSON.stringify leaves raw that a terminal or a bidi-aware viewer would still act on. */
const UNSAFE_IN_JSON = new RegExp(`[\\u007F-\\u009F${BIDI}]`, 'g');

/** Stands in for a name that was empty or had nothing but unsafe characters. */
export const EMPTY_FILE_NAME = '_';

/** True when the text holds a character `cleanFileName` removes. */
export const hasUnsafeCharacters = (text: string): boolean => new RegExp(UNSAFE.source).test(text);

/** The name as it is stored and shown: escape sequences and unsafe characters removed, the rest (the
 * extension too) unchanged. A clean name comes back as it is. */
export function cleanFileName(raw: string): string {
  const clean = hasUnsafeCharacters(raw) ? raw.replace(ESCAPE_SEQUENCE, '').replace(UNSAFE, '') : raw;
  return clean === '' ? EMPTY_FILE_NAME : clean;
}

const escapeChar = (c: string): string => {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16).toUpperCase()}}`;
};

/** Stored text for a terminal: every unsafe character shown as a visible escape (`\x1b`, `\n`,
 * `\u{202E}`), so an old raw name can neither move the cursor nor pass for another line. */
export const escapeControls = (text: string): string => text.replace(UNSAFE, escapeChar);

/** A whole text made for a terminal, whose own line breaks stay: the safety net under `escapeControls`. */
export const escapeControlsKeepingLines = (text: string): string => text.replace(UNSAFE_EXCEPT_NEWLINE, escapeChar);

/** JSON text with the characters JSON.stringify leaves raw (DEL, C1, bidi marks) written as \u escapes:
 * it parses to the very same data. */
export const escapeJsonControls = (json: string): string => json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
