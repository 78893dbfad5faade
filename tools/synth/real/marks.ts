// Marks that are not text: signatures, QR codes, passport photos, the stand-in emblem and rubber stamps.
// Each draws with the document's own random stream, so no two signatures are alike and the dossier's
// stream is never touched.
import { BALLPOINT, INK, type Kit, PT, type TextStyle } from './kit';

/** A signature: a few loops and a flourish, never the same twice. */
export function signature(k: Kit, x: number, y: number, w: number, h: number, color: string = BALLPOINT[k.rng.int(0, 2)] ?? BALLPOINT[0]): void {
  const c = k.ctx;
  const r = k.rng;
  c.save();
  c.strokeStyle = color;
  c.lineWidth = Math.max(0.25, h * 0.05);
  c.beginPath();
  let px = x;
  let py = y + h * (0.4 + 0.3 * r.next());
  c.moveTo(px, py);
  const loops = r.int(3, 6);
  for (let i = 0; i < loops; i++) {
    const nx = x + (w * 0.8 * (i + 1)) / loops;
    const ny = y + h * (0.2 + 0.6 * r.next());
    c.bezierCurveTo(px + w * 0.15 * r.next(), y - h * 0.2 * r.next(), nx - w * 0.2 * r.next(), y + h * (1 + 0.2 * r.next()), nx, ny);
    px = nx;
    py = ny;
  }
  c.quadraticCurveTo(x + w, y + h * r.next(), x + w * (0.1 + 0.3 * r.next()), y + h * (0.6 + 0.3 * r.next()));
  c.stroke();
  c.restore();
}

/** A QR code stand-in: finder squares and seeded modules (it encodes nothing). */
export function qr(k: Kit, x: number, y: number, size: number): void {
  const n = 25;
  const m = size / n;
  const c = k.ctx;
  c.fillStyle = INK;
  const finder = (fx: number, fy: number): boolean => fx < 7 && fy < 7;
  const inFinder = (i: number, j: number): [number, number] | null => {
    for (const [ox, oy] of [
      [0, 0],
      [n - 7, 0],
      [0, n - 7],
    ] as const)
      if (finder(i - ox, j - oy) && i >= ox && j >= oy) return [i - ox, j - oy];
    return null;
  };
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const f = inFinder(i, j);
      const on = f ? Math.max(Math.abs(f[0] - 3), Math.abs(f[1] - 3)) !== 2 : k.rng.chance(0.48);
      if (on) c.fillRect(x + i * m, y + j * m, m * 1.02, m * 1.02);
    }
  }
}

/** A passport photo stand-in: coloured backdrop, head and shoulders. */
export function photo(k: Kit, x: number, y: number, w: number, h: number, backdrop = '#c0392b'): void {
  const c = k.ctx;
  k.rect(x, y, w, h, { fill: backdrop, stroke: '#555', width: 0.2 });
  c.save();
  c.beginPath();
  c.rect(x, y, w, h);
  c.clip();
  c.fillStyle = '#3a3a3a';
  c.beginPath();
  c.ellipse(x + w / 2, y + h * 0.4, w * 0.22, h * 0.2, 0, 0, Math.PI * 2);
  c.fill();
  c.beginPath();
  c.ellipse(x + w / 2, y + h * 1.02, w * 0.48, h * 0.38, 0, 0, Math.PI * 2);
  c.fill();
  c.restore();
}

/** The state emblem or an office's seal: a stand-in shape, never a real emblem. */
export function emblem(k: Kit, cx: number, cy: number, size: number, color = '#6b5a2a'): void {
  const c = k.ctx;
  c.save();
  c.fillStyle = color;
  c.strokeStyle = color;
  c.lineWidth = size * 0.03;
  // Wings, body and a shield: reads as a crest on a copy.
  for (const side of [-1, 1]) {
    c.beginPath();
    c.moveTo(cx, cy - size * 0.1);
    c.quadraticCurveTo(cx + side * size * 0.45, cy - size * 0.45, cx + side * size * 0.5, cy - size * 0.05);
    c.quadraticCurveTo(cx + side * size * 0.3, cy + size * 0.05, cx, cy + size * 0.05);
    c.fill();
  }
  c.beginPath();
  c.ellipse(cx, cy - size * 0.28, size * 0.07, size * 0.09, 0, 0, Math.PI * 2);
  c.fill();
  c.fillStyle = '#ffffff';
  c.beginPath();
  c.roundRect(cx - size * 0.14, cy - size * 0.1, size * 0.28, size * 0.3, size * 0.06);
  c.fill();
  c.stroke();
  c.beginPath();
  c.moveTo(cx - size * 0.3, cy + size * 0.35);
  c.quadraticCurveTo(cx, cy + size * 0.45, cx + size * 0.3, cy + size * 0.35);
  c.stroke();
  c.restore();
}

/** A round rubber stamp over a signature: ring, the office's name around it, ink that misses spots. */
export function roundStamp(k: Kit, cx: number, cy: number, r: number, text: string, color = '#4b3a94'): void {
  const c = k.ctx;
  c.save();
  c.globalAlpha = 0.6 + 0.25 * k.rng.next();
  c.strokeStyle = color;
  c.fillStyle = color;
  c.lineWidth = r * 0.05;
  c.beginPath();
  c.arc(cx, cy, r, 0, Math.PI * 2);
  c.stroke();
  c.beginPath();
  c.arc(cx, cy, r * 0.68, 0, Math.PI * 2);
  c.stroke();
  const chars = [...text];
  const st: TextStyle = { size: (r * 0.26) / PT, font: 'Liberation Sans', bold: true, color };
  k.setFont(st);
  const turn = k.rng.next() * Math.PI * 2;
  chars.forEach((ch, i) => {
    const a = turn + (i / chars.length) * Math.PI * 2;
    c.save();
    c.translate(cx + Math.cos(a) * r * 0.8, cy + Math.sin(a) * r * 0.8);
    c.rotate(a + Math.PI / 2);
    c.fillText(ch, -c.measureText(ch).width / 2, r * 0.08);
    c.restore();
  });
  emblem(k, cx, cy + r * 0.05, r * 0.9, color);
  c.restore();
}
