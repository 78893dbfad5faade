// A participant letter as an A4 PDF (pdf-lib, its standard Helvetica): the title in bold, then each line
// wrapped to the page width, continuing on a new page when one is full. Characters the standard font
// cannot show (outside Windows-1252) are replaced, so any name prints.
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const SIZE = 11;
const LEADING = 15;

/** The text with every character the font cannot encode replaced by '?'. */
function printable(font: PDFFont, text: string): string {
  return [...text]
    .map((ch) => {
      try {
        font.encodeText(ch);
        return ch;
      } catch {
        return '?';
      }
    })
    .join('');
}

/** Breaks a line into pieces no wider than `width` at spaces (a single long word is left whole). */
function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  if (text === '') return [''];
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      out.push(line);
      line = word;
    } else line = next;
  }
  out.push(line);
  return out;
}

export async function letterPdf(letter: { lines: readonly string[] }, meta: { title: string; created: Date }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(meta.title);
  pdf.setCreator('ClaimDesk');
  pdf.setProducer('ClaimDesk');
  // Fixed dates: the same letter gives the same bytes (its hash is kept with the case).
  pdf.setCreationDate(meta.created);
  pdf.setModificationDate(meta.created);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;
  let page = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  letter.lines.forEach((raw, i) => {
    // The title, and the headings of the lists (lines ending in a colon), in bold.
    const font = i === 0 || raw.endsWith(':') ? bold : regular;
    const size = i === 0 ? SIZE + 3 : SIZE;
    for (const piece of wrap(font, size, printable(font, raw), width)) {
      if (y < MARGIN) {
        page = pdf.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(piece, { x: MARGIN, y, size, font });
      y -= i === 0 ? LEADING + 6 : LEADING;
    }
  });
  return pdf.save({ useObjectStreams: false });
}
