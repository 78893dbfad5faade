// How a dossier's documents come to lie on its pages. Real bundles put several documents on one
// photocopy: two KTPs stacked or side by side, a participant card above a passbook page, KTP + card +
// passbook together, a card beside a letter reduced onto half the sheet. Cards lie at real size and a
// little turned; a "FOTOKOPI SESUAI DENGAN ASLINYA" stamp is pressed on now and then. Other pages are
// a document alone on its paper, a receipt or card photographed on a desk, or a phone screenshot.
import type { Rng } from '../random';
import { A4, A4_LANDSCAPE, type CopyStamp, type Placement, type RealDoc, type Sheet } from './sheet';

/** One or more sheets that must stay together in one file (a document's pages), or a photo or
 * screenshot that is always a file of its own. */
export type Unit = { kind: 'sheets'; sheets: Sheet[] } | { kind: 'desk'; sheet: Sheet } | { kind: 'screen'; sheet: Sheet };

/** A slight turn, as a card pasted by hand or a page laid on the glass. */
const tilt = (rng: Rng, max: number): number => Math.round((rng.next() * 2 - 1) * max * 100) / 100;

const place = (doc: RealDoc, x: number, y: number, angle: number, scale = 1, page = 0): Placement => ({ doc, page, x, y, scale, angle });

function copyStamp(rng: Rng, x: number, y: number, date: string): CopyStamp {
  return {
    x,
    y,
    angle: tilt(rng, 12),
    lines: rng.pick([
      ['FOTOKOPI SESUAI', 'DENGAN ASLINYA'],
      ['FOTO COPY SESUAI', 'DENGAN ASLINYA'],
      ['TELAH DILEGALISIR', 'SESUAI DENGAN ASLINYA'],
    ]),
    color: rng.pick(['#4b3a94', '#2b4fa8', '#6a2c8c']),
    date,
  };
}

function sheet(
  rng: Rng,
  size: readonly [number, number],
  items: Placement[],
  o: { dpi?: readonly number[]; copy?: number; stampDate?: string; stampAt?: [number, number] } = {},
): Sheet {
  const copy = rng.chance(o.copy ?? 0.6);
  const stamps = o.stampDate && o.stampAt && rng.chance(0.3) ? [copyStamp(rng, o.stampAt[0], o.stampAt[1], o.stampDate)] : [];
  return { size, dpi: rng.pick(o.dpi ?? [150, 200, 200]), tint: copy ? '#ffffff' : rng.pick(['#ffffff', '#fbfaf4', '#f7f7f2']), copy, items, stamps };
}

/** Dpi for sheets that carry cards at real size: their small print needs the finer scans. */
const CARD_DPI = [200, 240, 300] as const;

/** A document alone: each page on its own paper; a card or passbook alone on an A4 copy. */
export function alone(doc: RealDoc, rng: Rng, stampDate: string): Unit {
  if (doc.kind === 'card') {
    const x = rng.pick([18, 30, 62]);
    const y = rng.int(15, 60);
    return { kind: 'sheets', sheets: [sheet(rng, A4, [place(doc, x, y, tilt(rng, 2.5))], { dpi: CARD_DPI, copy: 0.7, stampDate, stampAt: [x + 45, y + 48] })] };
  }
  const fullPage = Math.min(...doc.size) >= 200 && Math.max(...doc.size) >= 280;
  if (!fullPage) {
    // Smaller than the sheet: a passbook page, an A5 receipt, a receipt-book leaf laid on the glass.
    const [w, h] = doc.size;
    const landscape = w > 200;
    const size = landscape ? A4_LANDSCAPE : A4;
    const x = Math.max(8, (size[0] - w) / 2 + rng.int(-15, 15));
    const y = rng.int(10, Math.max(11, Math.round(size[1] - h - 10)));
    return {
      kind: 'sheets',
      sheets: [
        sheet(rng, size, [place(doc, x, y, tilt(rng, 1.5))], {
          dpi: [200, 200, 240],
          copy: doc.kind === 'passbook' ? 0.7 : 0.4,
          stampDate,
          stampAt: [x + w * 0.5, y + h - 10],
        }),
      ],
    };
  }
  return { kind: 'sheets', sheets: doc.pages.map((_, i) => sheet(rng, doc.size, [place(doc, 0, 0, 0, 1, i)], { copy: 0.45 })) };
}

/** Two cards on one copy, one above the other or side by side. */
export function twoCards(a: RealDoc, b: RealDoc, rng: Rng, stampDate: string): Unit {
  const side = rng.chance(0.45);
  const items = side
    ? [place(a, rng.int(10, 16), rng.int(20, 50), tilt(rng, 2)), place(b, rng.int(108, 114), rng.int(20, 50), tilt(rng, 2))]
    : [place(a, rng.int(50, 70), rng.int(20, 45), tilt(rng, 2)), place(b, rng.int(50, 70), rng.int(95, 125), tilt(rng, 2))];
  const last = items[1] as Placement;
  return { kind: 'sheets', sheets: [sheet(rng, A4, items, { dpi: CARD_DPI, copy: 0.75, stampDate, stampAt: [last.x + 40, last.y + 50] })] };
}

/** Cards along the top of the sheet, a passbook page under them. */
export function cardsAbovePassbook(cards: RealDoc[], passbook: RealDoc, rng: Rng, stampDate: string): Unit {
  const items: Placement[] = [];
  if (cards.length === 1) items.push(place(cards[0] as RealDoc, rng.int(55, 68), rng.int(12, 25), tilt(rng, 2)));
  else cards.slice(0, 2).forEach((c, i) => items.push(place(c, i === 0 ? rng.int(10, 15) : rng.int(108, 113), rng.int(12, 25), tilt(rng, 2))));
  const [w] = passbook.size;
  items.push(place(passbook, Math.max(6, (210 - w) / 2 + rng.int(-8, 8)), rng.int(85, 100), tilt(rng, 1.2)));
  return { kind: 'sheets', sheets: [sheet(rng, A4, items, { dpi: CARD_DPI, copy: 0.75, stampDate, stampAt: [140, 250] })] };
}

/** A letter or form reduced onto half of a landscape sheet, one or two cards beside it. */
export function cardsBesideLetter(cards: RealDoc[], letter: RealDoc, rng: Rng, stampDate: string): Unit {
  const scale = 0.68;
  const left = rng.chance(0.5);
  const letterX = left ? 8 : 297 - 8 - letter.size[0] * scale;
  const cardX = left ? rng.int(170, 195) : rng.int(14, 30);
  const items = [place(letter, letterX, 4, tilt(rng, 0.8), scale)];
  cards.slice(0, 2).forEach((c, i) => items.push(place(c, cardX, 20 + i * 75 + rng.int(0, 10), tilt(rng, 2.5))));
  return { kind: 'sheets', sheets: [sheet(rng, A4_LANDSCAPE, items, { dpi: CARD_DPI, copy: 0.75, stampDate, stampAt: [cardX + 30, 150] })] };
}

/** A document photographed on a desk (rendered alone on its own paper first). */
export function onDesk(doc: RealDoc): Unit {
  // Transparent around the document: a card's rounded corners show the desk, not a white square.
  return {
    kind: 'desk',
    sheet: { size: doc.size, dpi: doc.kind === 'card' ? 300 : 200, tint: 'rgba(0,0,0,0)', copy: false, items: [place(doc, 0, 0, 0)], stamps: [] },
  };
}

export function screenshot(doc: RealDoc, dpi: number): Unit {
  return { kind: 'screen', sheet: { size: doc.size, dpi, tint: doc.paper, copy: false, items: [place(doc, 0, 0, 0)], stamps: [] } };
}
