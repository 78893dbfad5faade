// Numbers written in Indonesian words, as deeds date themselves ("empat belas September dua ribu dua
// puluh enam") and receipts spell their amount ("Terbilang: dua juta seratus lima puluh ribu rupiah").
// Words are matched within OCR tolerance; "se-" forms (sepuluh, seratus, seribu, sejuta) are one word.
import { editDistance } from './fuzzy';

const UNITS: Readonly<Record<string, number>> = {
  nol: 0,
  kosong: 0,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};
const TEENS_AND_TENS: Readonly<Record<string, number>> = { sepuluh: 10, sebelas: 11, seratus: 100, seribu: 1000, sejuta: 1_000_000 };
/** Words that multiply what comes before them. */
const SCALES: Readonly<Record<string, number>> = {
  belas: 10,
  puluh: 10,
  ratus: 100,
  ribu: 1000,
  juta: 1_000_000,
  miliar: 1_000_000_000,
  milyar: 1_000_000_000,
  triliun: 1_000_000_000_000,
};

const ALL = [...Object.keys(UNITS), ...Object.keys(TEENS_AND_TENS), ...Object.keys(SCALES)];

/** The number word a token is a reading of ("ribu", "puluh", "sembilan"), or null. */
export function numberWord(token: string): string | null {
  // "rn" is how OCR most often reads an "m" ("sernbilan").
  const raw = token.toLowerCase().replace(/[^a-z]/g, '');
  const t = raw.includes('rn') && !(raw in UNITS) ? raw.replace(/rn/g, 'm') : raw;
  if (t.length < 2) return null;
  if (t in UNITS || t in TEENS_AND_TENS || t in SCALES) return t;
  if (t.length < 5) return null;
  // One misread letter in a long word ("sernbilan", "ribuu"); never between two words of the list.
  const near = ALL.filter((w) => w.length >= 5 && editDistance(t, w, 1) <= 1);
  return near.length === 1 ? (near[0] as string) : null;
}

export interface WordsNumber {
  value: number;
  /** Tokens consumed from the start. */
  used: number;
}

/**
 * The number written in words at the start of `tokens` ("dua ribu dua puluh enam" → 2026), or null
 * when the first token is no number word. Stops at the first token that is not one.
 */
export function parseNumberWords(tokens: readonly string[]): WordsNumber | null {
  let total = 0;
  // The part below the current thousand-scale ("dua ratus lima puluh" in "dua ratus lima puluh ribu").
  let group = 0;
  let last = 0;
  let used = 0;
  for (const raw of tokens) {
    const w = numberWord(raw);
    if (!w) break;
    // A number starts with a unit or a "se-" word: "belas" or "ribu" alone is no number.
    if (used === 0 && w in SCALES) break;
    if (w in UNITS) {
      last = UNITS[w] as number;
      group += last;
    } else if (w in TEENS_AND_TENS) {
      const v = TEENS_AND_TENS[w] as number;
      // "seribu" and "sejuta" start a number; "sepuluh", "sebelas", "seratus" are part of a group.
      if (v >= 1000) total += v;
      else group += v;
      last = 0;
    } else {
      const scale = SCALES[w] as number;
      if (w === 'belas') {
        // "dua belas" = 12: the unit just read becomes a teen.
        group += 10;
      } else if (scale < 1000) {
        // "dua puluh", "tiga ratus": the unit just read is multiplied.
        group = group - last + last * scale;
      } else {
        total += (group || 1) * scale;
        group = 0;
      }
      last = 0;
    }
    used++;
  }
  return used ? { value: total + group, used } : null;
}

/** Every number written in words in a text, with where it stands (token index and length). */
export function numbersInWords(text: string): { value: number; start: number; used: number }[] {
  const tokens = text.split(/[\s,.;:()/-]+/).filter(Boolean);
  const out: { value: number; start: number; used: number }[] = [];
  for (let i = 0; i < tokens.length;) {
    const n = parseNumberWords(tokens.slice(i));
    if (n) {
      out.push({ value: n.value, start: i, used: n.used });
      i += n.used;
    } else i++;
  }
  return out;
}
