// OCR's tuned numbers (see index.ts).
import { DEVSET, section } from './setting';

/** Preparing a page image for tesseract (src/main/ocr/). */
export const OCR_IMAGE = section('ocr-image', {
  darkCellInch: { value: 0.08, measuredOn: 'half the height of a 10-point line: dark boxes are found on a grid of cells this wide' },
  darkGround: {
    value: 140,
    measuredOn: `${DEVSET}: the JMO card's teal and header green (100–130), logo boxes (40–90) and dark footer bars (~60) under it; paper, tints and cells over bold print above 150`,
  },
  lightStroke: { value: 170, measuredOn: 'grey level of white lettering on a dark box after scanning' },
  minDarkCellsWide: { value: 6, measuredOn: 'a word of three letters or more' },
  minDarkSolidity: {
    value: 0.6,
    measuredOn: `${DEVSET}: the JMO card is 0.7 dark cells with its text lines as holes; a photo's dark desk around the paper, under 0.4`,
  },
  minLightStrokes: { value: 0.03, measuredOn: `${DEVSET}: white lettering covers 5–25% of its box; a black bar with nothing in it, under 1%` },
  maxLightStrokes: { value: 0.45, measuredOn: 'more light than that is paper with dark print on it' },
  missedCellInch: { value: 0.06, measuredOn: 'a third of a 10-point line: the grid on which unread print is looked for' },
  missedMinInk: { value: 0.03, measuredOn: `${DEVSET}: cells of a KTP's unread label column hold 5–25% ink; a guilloche background under 2% after cleaning` },
  missedMaxInk: { value: 0.45, measuredOn: 'cells of a photo or a filled stamp hold more ink than any print' },
  missedMinCellsWide: { value: 4, measuredOn: 'a word of four letters or more' },
  missedMinCells: {
    value: 20,
    measuredOn: `${DEVSET}: a KTP's unread label column is ~100 inked cells, its heading ~50; a signature or a stamp's edge left over, under 20`,
  },
  missedMinFill: { value: 0.3, measuredOn: `${DEVSET}: an unread label column fills 40–60% of its box with inked cells; a deed's border frame, under 10%` },
  missedMaxBlocks: { value: 8, measuredOn: 'bounds the extra reading on a page whose layout failed badly' },
  missedMinConfidence: { value: 60, measuredOn: 'words read again alone are kept when tesseract is fairly sure of them (0–100)' },
  smallTextPoints: {
    value: 8,
    measuredOn: `${DEVSET}: a KTP photographed small and enlarged: its words measure 7.4 pt at the dpi its file states (435 after enlarging), and 19 words are read, 8 of them surely`,
  },
  printTextPoints: { value: 10, measuredOn: `${DEVSET}: the same KTP told 300 dpi (words of 10 pt) gave 57 words, 19 of them surely; told 150–250, no better` },
});

/** A number printed one digit to a box, read again from its glyphs set tightly (src/main/ocr/digit-boxes.ts,
 * second-look.ts). Lengths are in the digits' height. */
export const DIGIT_BOXES = section('digit-boxes', {
  ink: {
    value: 200,
    measuredOn: `${DEVSET}: the antialiased edges of the KK1 form's thin box lines on tilted scans are grey 150–200 after cleaning; left out as paper, they read as bars`,
  },
  lineTolerance: {
    value: 0.3,
    measuredOn: `${DEVSET}: digits stand within 0.1 of their line once it is fitted; the pieces of box edges left on tilted KK1 scans are off it by 0.5 or more`,
  },
  maxWidth: { value: 2.5, measuredOn: 'two digits that touch; a longer mark on the line is a piece of rule' },
  gap: {
    value: 0.2,
    measuredOn: `${DEVSET}: 16 digits set 0.3 apart or wider were split by tesseract after the 11th at confidence 0; 0.1–0.2 apart they read as one word at 91–92`,
  },
  margin: { value: 0.6, measuredOn: 'white around the packed digits, as around a printed line' },
  minGlyphs: { value: 6, measuredOn: 'fewer is no identifier (the shortest, a bank account, has 8 digits and more)' },
  minDigits: { value: 4, measuredOn: `${DEVSET}: the garbled readings of boxed NIK and KPJ on tilted KK1 scans kept 5–9 of their digits` },
  digitShare: {
    value: 0.4,
    measuredOn: `${DEVSET}: those readings are 45% digits and more once box walls are set aside; an address line with a house number, under 20%`,
  },
  minLength: { value: 10, measuredOn: 'contract §2: identifiers are 11 (KPJ), 15–16 (NIK, KK, NPWP) and 8–18 (accounts) digits; dates and amounts under 10' },
  maxLength: { value: 18, measuredOn: 'contract §2: the longest bank account' },
  smallPx: { value: 32, measuredOn: `${DEVSET}: the packed NIK and KPJ of four tilted KK1 scans read alike at 24–48 px high; two sizes apart must agree` },
  largePx: { value: 44, measuredOn: 'the second size, as above' },
});
