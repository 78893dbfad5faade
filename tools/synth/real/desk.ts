// A document photographed on a desk with a phone: the table around it, the page seen at an angle (its
// far edge narrower than its near one), turned a little, a soft shadow, light falling off across the
// frame, and the JPEG a messaging app leaves. Drawn with @napi-rs/canvas alone, as ../degrade is.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Rng } from '../random';

export interface DeskPhoto {
  bytes: Buffer;
  width: number;
  height: number;
}

const DESKS = [
  ['#8a6a48', '#6e5236'],
  ['#7b7a74', '#62615c'],
  ['#4d4138', '#3a3029'],
  ['#b8a58a', '#9c8a70'],
] as const;

export async function deskPhoto(png: Buffer, rng: Rng): Promise<DeskPhoto> {
  const img = await loadImage(png);
  const portrait = img.height >= img.width;
  const [W, H] = portrait ? [1200, 1600] : [1600, 1200];
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  const [base, grain] = rng.pick(DESKS);
  ctx.fillStyle = base;
  ctx.fillRect(0, 0, W, H);
  // Wood or laminate grain: long faint streaks.
  ctx.strokeStyle = grain;
  for (let i = 0; i < 60; i++) {
    ctx.globalAlpha = 0.15 + rng.next() * 0.25;
    ctx.lineWidth = 1 + rng.next() * 3;
    const y = rng.next() * H;
    ctx.beginPath();
    ctx.moveTo(0, y);
    ctx.bezierCurveTo(W * 0.3, y + (rng.next() - 0.5) * 40, W * 0.7, y + (rng.next() - 0.5) * 40, W, y + (rng.next() - 0.5) * 30);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  // The page: fitted into most of the frame, its far (top) edge narrower.
  const fill = 0.78 + rng.next() * 0.12;
  const scale = Math.min((W * fill) / img.width, (H * fill) / img.height);
  const w = img.width * scale;
  const h = img.height * scale;
  const taper = 0.86 + rng.next() * 0.1;
  const angle = ((rng.next() * 2 - 1) * 7 * Math.PI) / 180;
  ctx.save();
  ctx.translate(W / 2 + (rng.next() - 0.5) * W * 0.06, H / 2 + (rng.next() - 0.5) * H * 0.05);
  ctx.rotate(angle);
  // Shadow under the page.
  ctx.save();
  ctx.filter = 'blur(12px)';
  ctx.fillStyle = 'rgba(0,0,0,0.45)';
  ctx.beginPath();
  ctx.moveTo((-w * taper) / 2 + 10, -h / 2 + 14);
  ctx.lineTo((w * taper) / 2 + 10, -h / 2 + 14);
  ctx.lineTo(w / 2 + 14, h / 2 + 16);
  ctx.lineTo(-w / 2 + 14, h / 2 + 16);
  ctx.fill();
  ctx.restore();
  // The page row by row, each row as wide as the perspective makes it; rows nearer the top are also
  // drawn a little shorter (foreshortening).
  const rows = Math.ceil(h / 2);
  const total = Array.from({ length: rows }, (_, i) => taper + ((1 - taper) * i) / rows).reduce((a, b) => a + b, 0);
  let y = -h / 2;
  for (let i = 0; i < rows; i++) {
    const f = taper + ((1 - taper) * i) / rows;
    const rowH = (h * f) / total;
    const sy = (i / rows) * img.height;
    ctx.drawImage(img, 0, sy, img.width, img.height / rows + 0.5, (-w * f) / 2, y, w * f, rowH + 0.6);
    y += rowH;
  }
  ctx.restore();
  // Light falling off across the frame, then a slight blur of a handheld shot.
  const g = ctx.createRadialGradient(W * (0.3 + rng.next() * 0.4), H * (0.3 + rng.next() * 0.3), W * 0.1, W / 2, H / 2, W * 0.9);
  g.addColorStop(0, 'rgb(255,252,240)');
  g.addColorStop(1, `rgb(${rng.int(150, 190)},${rng.int(145, 185)},${rng.int(135, 175)})`);
  ctx.globalCompositeOperation = 'multiply';
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, W, H);
  ctx.globalCompositeOperation = 'source-over';
  const out = createCanvas(W, H);
  const octx = out.getContext('2d');
  octx.filter = `blur(${(0.4 + rng.next() * 0.5).toFixed(2)}px)`;
  octx.drawImage(canvas, 0, 0);
  return { bytes: out.encodeSync('jpeg', rng.int(55, 80)), width: W, height: H };
}

/** A screenshot forwarded through a messaging app: the same pixels, as a JPEG. */
export async function asJpeg(png: Buffer, quality: number): Promise<Buffer> {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  canvas.getContext('2d').drawImage(img, 0, 0);
  return canvas.encodeSync('jpeg', quality);
}
