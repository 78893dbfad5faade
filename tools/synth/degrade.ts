// Makes a clean render look like what reaches a branch desk: flatbed scans (slight skew, grey paper,
// speckle), phone photos (tilt, uneven light, blur, JPEG artefacts) and low-resolution copies.
// Done with @napi-rs/canvas alone: loading sharp (libvips) in the same process as the canvas crashed
// the generator now and then with a segmentation fault.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Rng } from './random';

export type Degradation = 'clean' | 'scan' | 'photo' | 'lowres';

export interface DegradedImage {
  bytes: Buffer;
  format: 'png' | 'jpeg';
  width: number;
  height: number;
  /** Size of the clean render: the paper size, whatever resolution the copy was made at. */
  sourceWidth: number;
  sourceHeight: number;
}

export async function degrade(png: Buffer, kind: Degradation, rng: Rng): Promise<DegradedImage> {
  const img = await loadImage(png);
  const { width, height } = img;
  if (kind === 'clean') return { bytes: png, format: 'png', width, height, sourceWidth: width, sourceHeight: height };
  const scale = kind === 'lowres' ? 0.65 + rng.next() * 0.1 : kind === 'photo' ? 0.85 + rng.next() * 0.1 : 1;
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = kind === 'photo' ? 'rgb(90,85,80)' : 'rgb(245,245,240)';
  ctx.fillRect(0, 0, w, h);
  // Skew about the centre; phones tilt more than flatbeds.
  const angle = ((rng.next() * 2 - 1) * (kind === 'photo' ? 2.5 : 1.2) * Math.PI) / 180;
  ctx.save();
  ctx.translate(w / 2, h / 2);
  ctx.rotate(angle);
  const blur = kind === 'scan' ? (rng.chance(0.5) ? 0.4 + rng.next() * 0.3 : 0) : kind === 'photo' ? 0.4 + rng.next() * 0.4 : 0.3 + rng.next() * 0.3;
  if (blur > 0) ctx.filter = `blur(${blur.toFixed(2)}px)`;
  ctx.drawImage(img, -w / 2, -h / 2, w, h);
  ctx.restore();
  ctx.filter = 'none';
  if (kind === 'photo') {
    // Uneven light: one corner darker, multiplied over the page.
    const g = ctx.createLinearGradient(rng.chance(0.5) ? 0 : w, 0, rng.chance(0.5) ? w : 0, h);
    const dark = rng.int(185, 220);
    g.addColorStop(0, 'rgb(255,255,250)');
    g.addColorStop(1, `rgb(${dark},${dark},${dark - 10})`);
    ctx.globalCompositeOperation = 'multiply';
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, w, h);
    ctx.globalCompositeOperation = 'source-over';
  }
  // Sparse dark speckle: dust and toner, not a uniform grain.
  const specks = Math.floor(w * h * (kind === 'scan' ? 0.0008 : 0.0004));
  for (let i = 0; i < specks; i++) {
    const v = rng.int(0, 90);
    ctx.fillStyle = `rgba(${v},${v},${v},${(rng.int(60, 200) / 255).toFixed(2)})`;
    ctx.fillRect(rng.int(0, w - 1), rng.int(0, h - 1), 1 + rng.int(0, 1), 1 + rng.int(0, 1));
  }
  const asJpeg = kind !== 'scan' || rng.chance(0.5);
  const bytes = asJpeg ? canvas.encodeSync('jpeg', kind === 'photo' ? rng.int(45, 70) : rng.int(60, 85)) : canvas.encodeSync('png');
  return { bytes, format: asJpeg ? 'jpeg' : 'png', width: w, height: h, sourceWidth: width, sourceHeight: height };
}
