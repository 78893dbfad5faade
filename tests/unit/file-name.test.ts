// File names are cleaned where they enter (src/shared/files/file-name.ts): what a terminal or a bidi
// renderer would act on goes, everything else (the extension too) stays as typed. The unsafe set is
// written out here on its own, so the tests do not just repeat the module's expressions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanFileName, EMPTY_FILE_NAME, escapeControls, escapeControlsKeepingLines, escapeJsonControls } from '../../src/shared/files/file-name';

const BIDI = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
const isControl = (cp: number): boolean => cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);
const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;
/** No control, bidi or unpaired surrogate (a pair comes out of Array.from as one code point above 0xFFFF). */
const isSafe = (s: string): boolean =>
  Array.from(s).every((c) => !isControl(c.codePointAt(0)!) && !BIDI.includes(c.codePointAt(0)!) && !isSurrogate(c.codePointAt(0)!));

/** Lone unsafe characters; ESC and the 8-bit sequence introducers are tested as sequences below. */
const INTRODUCERS = [0x1b, 0x90, 0x98, 0x9b, 0x9d, 0x9e, 0x9f];
const junkCodes = [
  ...Array.from({ length: 0x20 }, (_v, i) => i),
  ...Array.from({ length: 0x21 }, (_v, i) => 0x7f + i),
  ...BIDI,
  // Low halves only: a high half put just before a low one would make a real character.
  0xdc00,
  0xdfff,
].filter((c) => !INTRODUCERS.includes(c));
const junk = fc.constantFrom(...junkCodes.map((c) => String.fromCharCode(c)));

const cleanText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter(isSafe);
const extension = fc.stringMatching(/^[A-Za-z0-9]{1,5}$/);
const cleanName = fc.tuple(cleanText, extension).map(([base, ext]) => `${base}.${ext}`);

/** `inserts` put into `name` between code points (never inside a surrogate pair). */
const sprinkled = (inserts: fc.Arbitrary<string>): fc.Arbitrary<{ name: string; dirty: string }> =>
  cleanName.chain((name) =>
    fc.array(fc.tuple(fc.nat({ max: Array.from(name).length }), inserts), { minLength: 1, maxLength: 6 }).map((adds) => {
      const chars = Array.from(name);
      for (const [at, s] of adds.sort((a, b) => b[0] - a[0])) chars.splice(at, 0, s);
      return { name, dirty: chars.join('') };
    }),
  );

const csi = fc
  .tuple(fc.constantFrom('\u001b[', '\u009b'), fc.stringMatching(/^[0-9;?]{0,6}$/), fc.constantFrom('m', 'H', 'J', 'K', 'A', 'h', 'l', '~'))
  .map(([open, params, final]) => `${open}${params}${final}`);
const osc = fc
  .tuple(fc.constantFrom('\u001b]', '\u009d'), fc.stringMatching(/^[0-9;a-z ]{0,12}$/), fc.constantFrom('\u0007', '\u001b\\', '\u009c'))
  .map(([open, body, end]) => `${open}${body}${end}`);

describe('cleanFileName', () => {
  it('leaves a clean name exactly as it is', () => {
    for (const name of ['KTP Budi Santoso.pdf', 'scan [1] (copy).JPG', 'résumé – ahli waris.tiff', 'سند.pdf', 'foto 😀.png', '  spaced  .png'])
      expect(cleanFileName(name)).toBe(name);
    fc.assert(fc.property(cleanName, (name) => cleanFileName(name) === name));
  });

  it('removes NUL, CR, LF, U+202E, the isolates U+2066–2069, LRM/RLM, C1 controls and escape sequences', () => {
    expect(cleanFileName('surat\u0000.pdf')).toBe('surat.pdf');
    expect(cleanFileName('surat\r\nkematian.pdf')).toBe('suratkematian.pdf');
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('\u2066kartu\u2069 \u2067x\u2068.png')).toBe('kartu x.png');
    expect(cleanFileName('\u200Enama\u200F.jpg')).toBe('nama.jpg');
    expect(cleanFileName('a\u0085b\u009fc\u0080.tif')).toBe('abc.tif');
    expect(cleanFileName('\u001b[31mred\u001b[0m.pdf')).toBe('red.pdf');
    expect(cleanFileName('\u001b[2J\u001b[1;1Hktp.pdf')).toBe('ktp.pdf');
    expect(cleanFileName('\u009b31mred.pdf')).toBe('red.pdf');
    expect(cleanFileName('\u001b]0;owned\u0007title.pdf')).toBe('title.pdf');
    expect(cleanFileName('lone\u001b.pdf')).toBe('lone.pdf');
    expect(cleanFileName('half\ud800.pdf\udc00')).toBe('half.pdf');
    expect(cleanFileName('pair\ud83d\ude00.pdf')).toBe('pair\ud83d\ude00.pdf');
  });

  it('gives a stand-in for a name of nothing but unsafe characters', () => {
    expect(cleanFileName('\u202E')).toBe(EMPTY_FILE_NAME);
    expect(cleanFileName('\u0000\r\n\u001b[0m')).toBe(EMPTY_FILE_NAME);
  });

  it('any unsafe characters put anywhere in a clean name come out as that name, extension and all', () => {
    fc.assert(fc.property(sprinkled(junk), ({ name, dirty }) => cleanFileName(dirty) === name));
  });

  it('terminal escape sequences (CSI, OSC; 7-bit and 8-bit) put anywhere come out whole', () => {
    fc.assert(fc.property(sprinkled(fc.oneof(csi, osc)), ({ name, dirty }) => cleanFileName(dirty) === name));
    // A lone ESC is removed on its own when no sequence follows it.
    fc.assert(
      fc.property(sprinkled(fc.constant('\u001b')), ({ name, dirty }) => {
        fc.pre(!/[[\]PX^_]/.test(name));
        return cleanFileName(dirty) === name;
      }),
    );
  });

  it('whatever comes in, the result is safe, not empty and already clean', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      sprinkled(fc.oneof(junk, csi, osc, fc.constant('\u001b'))).map((s) => s.dirty),
    );
    fc.assert(
      fc.property(anyText, (raw) => {
        const clean = cleanFileName(raw);
        expect(isSafe(clean)).toBe(true);
        expect(clean.length).toBeGreaterThan(0);
        expect(cleanFileName(clean)).toBe(clean);
      }),
    );
  });
});

describe('escapeControls (text stored raw by an older version, shown on a terminal)', () => {
  it('shows every unsafe character as a visible escape and leaves clean text alone', () => {
    expect(escapeControls('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
    expect(escapeControls('\u001b[31mred\u0000')).toBe('\\x1b[31mred\\x00');
    expect(escapeControls('x\u202Efdp.exe\u2066\u0085')).toBe('x\\u{202E}fdp.exe\\u{2066}\\x85');
    fc.assert(fc.property(cleanName, (name) => escapeControls(name) === name));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => isSafe(escapeControls(raw))));
  });

  it('keeps a text’s own line breaks when asked, and nothing else', () => {
    expect(escapeControlsKeepingLines('line 1\nline\u001b[2J 2\r\n')).toBe('line 1\nline\\x1b[2J 2\\r\n');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) =>
        escapeControlsKeepingLines(raw)
          .split('\n')
          .every((line) => isSafe(line)),
      ),
    );
  });
});

describe('escapeJsonControls', () => {
  it('parses back to the very same data, with no C1 or bidi character left raw', () => {
    const texts = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      sprinkled(fc.oneof(junk, csi)).map((s) => s.dirty),
    );
    fc.assert(
      fc.property(fc.dictionary(texts, fc.oneof(texts, fc.array(texts, { maxLength: 3 }))), (value) => {
        const json = escapeJsonControls(JSON.stringify(value, null, 2));
        expect(JSON.parse(json)).toEqual(value);
        // Raw newlines and spaces are the layout's own; every other unsafe character is escaped.
        expect(isSafe(json.replace(/\n/g, ''))).toBe(true);
      }),
    );
  });
});
