// Makes a clean render look like what reaches a branch desk: flatbed scans (slight skew, grey paper,
// speckle), phone photos (tilt, uneven light, blur, JPEG artefacts) and low-resolution copies.
import sharp from 'sharp';
import type { Rng } from '../../shared/synth/random';

export type Degradation = 'clean' | 'scan' | 'photo' | 'lowres';

export interface DegradedImage {
  bytes: Buffer;
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

function noiseOverlay(width: number, height: number, rng: Rng, amount: number): Buffer {
  // Sparse dark speckle with low alpha: dust and toner noise, not a uniform grain.
  const buf = Buffer.alloc(width * height * 4);
  const count = Math.floor(width * height * amount);
  for (let i = 0; i < count; i++) {
    const p = rng.int(0, width * height - 1) * 4;
    const v = rng.int(0, 90);
    buf[p] = v;
    buf[p + 1] = v;
    buf[p + 2] = v;
    buf[p + 3] = rng.int(60, 200);
  }
  return buf;
}

function lightGradient(width: number, height: number, rng: Rng): Buffer {
  const x2 = rng.chance(0.5) ? width : 0;
  const dark = rng.int(150, 200);
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="g" x1="0" y1="0" x2="${x2 ? 1 : 0}" y2="1">
        <stop offset="0" stop-color="rgb(255,255,250)"/><stop offset="1" stop-color="rgb(${dark},${dark},${dark - 10})"/>
      </linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`,
  );
}

export async function degrade(png: Buffer, kind: Degradation, rng: Rng): Promise<DegradedImage> {
  const meta = await sharp(png).metadata();
  const width = meta.width ?? 1;
  const height = meta.height ?? 1;
  if (kind === 'clean') return { bytes: png, format: 'png', width, height };
  const angle = (rng.next() * 2 - 1) * (kind === 'photo' ? 2.5 : 1.2);
  const bg = kind === 'photo' ? { r: 90, g: 85, b: 80 } : { r: 245, g: 245, b: 240 };
  // Work on a flattened copy first: the overlays are composited at the original size.
  let base = sharp(png).composite([{ input: noiseOverlay(width, height, rng, kind === 'scan' ? 0.0008 : 0.0004), raw: { width, height, channels: 4 } }]);
  if (kind === 'photo') {
    base = sharp(await base.png().toBuffer()).composite([{ input: lightGradient(width, height, rng), blend: 'multiply' }]);
  }
  let img = sharp(await base.png().toBuffer()).rotate(angle, { background: bg });
  if (kind !== 'scan' || rng.chance(0.5)) img = img.blur(kind === 'photo' ? 0.7 + rng.next() * 0.5 : 0.5 + rng.next() * 0.3);
  if (kind === 'lowres' || kind === 'photo') {
    const factor = kind === 'lowres' ? 0.6 + rng.next() * 0.1 : 0.8 + rng.next() * 0.15;
    const rotated = await img.png().toBuffer();
    const rm = await sharp(rotated).metadata();
    img = sharp(rotated).resize(Math.round((rm.width ?? width) * factor));
  }
  const asJpeg = kind !== 'scan' || rng.chance(0.5);
  const out = asJpeg ? await img.jpeg({ quality: kind === 'photo' ? rng.int(45, 70) : rng.int(60, 85) }).toBuffer() : await img.png().toBuffer();
  const om = await sharp(out).metadata();
  return { bytes: out, format: asJpeg ? 'jpeg' : 'png', width: om.width ?? width, height: om.height ?? height };
}
