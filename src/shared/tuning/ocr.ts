// OCR's tuned numbers (see index.ts).
import { DEVSET, section } from './setting';

/** Preparing a page image for tesseract (src/main/ocr/). */
export const OCR_IMAGE = section('ocr-image', {
  darkCellInch: { value: 0.08, measuredOn: 'half the height of a 10-point line: dark boxes are found on a grid of cells this wide' },
  darkGround: { value: 140, measuredOn: `${DEVSET}: the JMO card's teal and header green (100–130), logo boxes (40–90) and dark footer bars (~60) under it; paper, tints and cells over bold print above 150` },
  lightStroke: { value: 170, measuredOn: 'grey level of white lettering on a dark box after scanning' },
  minDarkCellsWide: { value: 6, measuredOn: 'a word of three letters or more' },
  minDarkSolidity: { value: 0.6, measuredOn: `${DEVSET}: the JMO card is 0.7 dark cells with its text lines as holes; a photo's dark desk around the paper, under 0.4` },
  minLightStrokes: { value: 0.03, measuredOn: `${DEVSET}: white lettering covers 5–25% of its box; a black bar with nothing in it, under 1%` },
  maxLightStrokes: { value: 0.45, measuredOn: 'more light than that is paper with dark print on it' },
  missedCellInch: { value: 0.06, measuredOn: 'a third of a 10-point line: the grid on which unread print is looked for' },
  missedMinInk: { value: 0.03, measuredOn: `${DEVSET}: cells of a KTP's unread label column hold 5–25% ink; a guilloche background under 2% after cleaning` },
  missedMaxInk: { value: 0.45, measuredOn: 'cells of a photo or a filled stamp hold more ink than any print' },
  missedMinCellsWide: { value: 4, measuredOn: 'a word of four letters or more' },
  missedMinCells: { value: 20, measuredOn: `${DEVSET}: a KTP's unread label column is ~100 inked cells, its heading ~50; a signature or a stamp's edge left over, under 20` },
  missedMinFill: { value: 0.3, measuredOn: `${DEVSET}: an unread label column fills 40–60% of its box with inked cells; a deed's border frame, under 10%` },
  missedMaxBlocks: { value: 8, measuredOn: 'bounds the extra reading on a page whose layout failed badly' },
  missedMinConfidence: { value: 60, measuredOn: 'words read again alone are kept when tesseract is fairly sure of them (0–100)' },
  smallTextPoints: { value: 8, measuredOn: `${DEVSET}: a KTP photographed small and enlarged: its words measure 7.4 pt at the dpi its file states (435 after enlarging), and 19 words are read, 8 of them surely` },
  printTextPoints: { value: 10, measuredOn: `${DEVSET}: the same KTP told 300 dpi (words of 10 pt) gave 57 words, 19 of them surely; told 150–250, no better` },
});
