// Extraction's tuned numbers (see index.ts).
import { DEVSET, section } from './setting';

const OWN = 'generated benchmark set (npm run bench -- extract)';

/** Values, classification and the confidence a value must reach to be shown (src/shared/extract/). */
export const EXTRACTION = section('extraction', {
  minConfidence: {
    value: 0.6,
    measuredOn: `${OWN}: the empty/wrong trade-off curve bench extract prints; ${DEVSET}: values shown at 0.6–0.7 are wrong 5% of the time, at 0.9 and above under 1%`,
  },
  minClassScore: { value: 3, measuredOn: `${OWN}: a title alone scores 4–5; label phrases of another type on a page reach 2.5` },
  minNikHead: { value: 12, measuredOn: 'twelve digits hold the region and the birth date: only a twin shares them' },
  sureMark: { value: 0.6, measuredOn: `${OWN}: check marks OCR could not tell from an empty box read under 0.5` },
  maxOptionRows: { value: 6, measuredOn: 'the five outcomes of Formulir 3a and a line of slack' },
  dustConfidence: {
    value: 0.4,
    measuredOn: `${DEVSET}: specks read beside a value as one to three letters ('ed', 'I') at 0.2–0.35; short words of print read at ≥ 0.5`,
  },
});

/** Headings that name a document (src/shared/extract/anchors.ts). */
export const HEADINGS = section('headings', {
  maxWords: { value: 8, measuredOn: `${DEVSET}: the longest title, "LAPORAN KECELAKAAN KERJA TAHAP I" with its form number, is 7 words` },
  maxNamedWords: { value: 5, measuredOn: '"PROVINSI" or "BANK" and a name of up to four words' },
  gapLines: {
    value: 3,
    measuredOn: `${DEVSET}: a second card's heading on the same line as the first is > 10 line heights away; a value after its label, < 3`,
  },
  minCover: { value: 0.5, measuredOn: `${DEVSET}: headings are all or half heading words ("PROVINSI JAMBI"); sentences that mention a document, under 0.3` },
  junkConfidence: { value: 0.5, measuredOn: 'a logo read as letters before a heading is read with less confidence than this' },
});

/** Facts read from sentences (src/shared/extract/prose.ts), in words. */
export const PROSE = section('prose', {
  cueReach: { value: 12, measuredOn: `${DEVSET}: "meninggal dunia" stands 2–9 words from its date; the birth date on a death deed, 14 or more` },
  excludeReach: { value: 6, measuredOn: '"lahir di MUARA BULIAN pada tanggal": the place of birth takes up to four words' },
  letterheadRows: { value: 6, measuredOn: `${DEVSET}: facilities and banks name themselves in the first 1–4 rows` },
});

/** Finding the documents on a page (src/shared/extract/segment.ts). Lengths in median word heights. */
export const SEGMENTATION = section('segmentation', {
  splitWordGap: {
    value: 0.2,
    measuredOn: `${DEVSET}: a KK name read 'JA MAL' had its halves 0.1 of their height apart; spaces between the words of a KK's names are 0.4–0.5. (A card's bold name may stand 0.15 apart: only table cells are joined)`,
  },
  markLines: {
    value: 3,
    measuredOn: `${DEVSET}: a KK's wall read as ':' stood 141 px tall among words of 16–22 px (6.5 words); a bracket or bar of the print at most 1.5`,
  },
  rowGapLines: {
    value: 1.5,
    measuredOn: `${DEVSET}: line pitch on cards and letters leaves < 1 line height blank; blocks of one document are joined again, so finer cuts cost nothing`,
  },
  columnGapLines: { value: 2.5, measuredOn: `${DEVSET}: word spaces are < 1 line height; label and value columns (3–8) and cards side by side are wider` },
  sharedIdentityLabels: {
    value: 2,
    measuredOn: `${DEVSET}: two stacked KTPs share 6–8 identity labels; a marriage book's husband and wife sections share 3 but neither has its own heading`,
  },
  minDocumentScore: { value: 3, measuredOn: 'the classification minimum (extraction.minClassScore)' },
  minForeignScore: {
    value: 6,
    measuredOn: `${DEVSET}: a passbook block without its bank name scores 7.5 as a passbook by its labels; blocks of a document's own body that score as another type (a KK's member table as a KTP) stay under 6 once the KK's own column labels count`,
  },
  repeatedHeadingSize: {
    value: 0.8,
    measuredOn: `${DEVSET}: a second card's heading is as tall as the first's (0.9–1.6×); signature captions repeating a title are 0.7× its height`,
  },
  minWordConfidence: { value: 0.3, measuredOn: `${DEVSET}: stamps, photos and signatures read as words below this` },
  maxWordHeightLines: { value: 3, measuredOn: `${DEVSET}: the tallest printed titles are ~2.5 body lines high` },
});

/** Reading lists printed as tables (src/shared/extract/tables.ts). Lengths in line heights. */
export const TABLES = section('tables', {
  headingWordGapLines: { value: 1.0, measuredOn: `${DEVSET}: words of one heading are < 0.5 line apart, neighbouring headings > 1.5` },
  headerBandLines: { value: 1.6, measuredOn: `${DEVSET}: a heading wrapped over two lines has its lines ~1.2 apart` },
  headerBandHeadingShare: {
    value: 0.75,
    measuredOn: `${DEVSET}: a KK's wrapped header line reads 9 of 11 words as heading words ('Perkawi', 'Kei' cut); body rows at most 1 of 7`,
  },
  sameLineCentres: {
    value: 0.6,
    measuredOn: `${DEVSET}: a cell read 5–7 px above its row's other cells (lines 12–23 px high) has its middle 0.35–0.58 of a line from theirs; consecutive rows, ≥ 1.5 lines`,
  },
  maxBlankLines: { value: 4, measuredOn: `${DEVSET}: member rows are ~1.5 apart; the KK's empty ruled rows leave > 6 blank` },
  wrapPitch: { value: 0.6, measuredOn: `${DEVSET}: a wrapped cell's lines lie 0.3–0.5 of the row pitch from their row's middle; the next row, a whole pitch` },
  wrapLines: { value: 1.6, measuredOn: `${DEVSET}: a wrapped cell's lines are ~0.8–1.2 from their row's middle` },
  numberApartLines: {
    value: 1.5,
    measuredOn: `${DEVSET}: a KK row number read 'T' stood 2.4 of its heights left of the name; words of a name stand 0.3–0.6 apart`,
  },
  markHeight: {
    value: 1.6,
    measuredOn: `${DEVSET}: a punch hole beside a KK's first member row read as 'an’', 33 px high among body words of 17; bracketed numbers stand 1.2× the median`,
  },
  speckHeight: {
    value: 0.6,
    measuredOn: `${DEVSET}: a speck read as 'T' in a KK's body is 10 px high under a header 22 px high; letters and digits of the body are 18–21`,
  },
  minWordConfidence: { value: 0.2, measuredOn: 'specks read as one or two letters with no confidence' },
  repairFactor: { value: 0.85, measuredOn: 'each digit repaired from a look-alike letter (as for fields)' },
  incompleteConfidence: { value: 0.5, measuredOn: 'a list with an unread cell is shown for completing, never as sure' },
});

/** Amounts on receipts (src/shared/extract/amount.ts). */
export const AMOUNTS = section('amounts', {
  minSpelled: { value: 1000, measuredOn: 'receipts are for a thousand rupiah or more; smaller spelled numbers are counts (days of rest)' },
  minSpelledWithoutRupiah: { value: 100_000, measuredOn: `${DEVSET}: every spelled amount ends with "Rupiah" but one cut off at the line's end` },
  agreedConfidence: { value: 0.97, measuredOn: 'words and figures read apart agreeing on the same amount' },
  oneReadingFactor: { value: 0.9, measuredOn: 'an amount with nothing to check it against' },
});

export const KTP_ORDER = section('ktpOrder', {
  minFound: { value: 3, measuredOn: 'the value column is placed by the values found by their labels: three agree on it where one may be a stray' },
  columnReach: {
    value: 0.8,
    measuredOn: `${DEVSET}: a KTP's values start within 12 px of one another on lines 17–20 px high; the colon before them stands 10–12 px to the left and carries no letter`,
  },
  columnShare: {
    value: 0.75,
    measuredOn: `${DEVSET}: on printed e-KTPs all values found by their labels but a stray one start in the column; the project's generated KTPs set values after their labels' colons, at most half in one column (bench extract fell 95.7% → 92.0% when judged by a column)`,
  },
  offColumn: {
    value: 2.5,
    measuredOn: `${DEVSET}: a KTP's values start within 0.6 of a line of their column; the town beside the photo stood 13 lines right of it; on generated KTPs an issue date 14 lines right, and values 3–5 lines left where a glued 'Label:value' word was cut by guess`,
  },
  sameLine: { value: 0.5, measuredOn: `${DEVSET}: a KTP's lines stand 20–22 px apart (centre to centre) on lines 17–20 px high` },
  maxConfidence: {
    value: 0.85,
    measuredOn: 'a value placed by order, not by its label, is shown for the officer to confirm (below the 0.9 a reviewer may pass over)',
  },
});
