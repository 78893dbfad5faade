// Fonts the generator draws with: the system's DejaVu, Liberation and Noto faces (fonts-dejavu-core and
// fonts-liberation on Debian; others when present) and, for handwriting, Caveat (an OFL font from
// @fontsource/caveat). A face missing on a machine falls back to one that is there, so the random
// streams, and with them the documents' content and truth, never depend on which fonts are installed.
import { GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const DIR = '/usr/share/fonts/truetype';
/** Family name → its files (regular, bold, italic…: all registered under the one family name). */
const FAMILIES: Record<string, readonly string[]> = {
  'DejaVu Sans': ['dejavu/DejaVuSans.ttf', 'dejavu/DejaVuSans-Bold.ttf', 'dejavu/DejaVuSans-Oblique.ttf'],
  'DejaVu Sans Condensed': ['dejavu/DejaVuSansCondensed.ttf', 'dejavu/DejaVuSansCondensed-Bold.ttf'],
  'DejaVu Serif': ['dejavu/DejaVuSerif.ttf', 'dejavu/DejaVuSerif-Bold.ttf', 'dejavu/DejaVuSerif-Italic.ttf'],
  'DejaVu Serif Condensed': ['dejavu/DejaVuSerifCondensed.ttf', 'dejavu/DejaVuSerifCondensed-Bold.ttf'],
  'DejaVu Sans Mono': ['dejavu/DejaVuSansMono.ttf', 'dejavu/DejaVuSansMono-Bold.ttf'],
  'Liberation Sans': ['liberation/LiberationSans-Regular.ttf', 'liberation/LiberationSans-Bold.ttf', 'liberation/LiberationSans-Italic.ttf'],
  'Liberation Sans Narrow': ['liberation/LiberationSansNarrow-Regular.ttf', 'liberation/LiberationSansNarrow-Bold.ttf'],
  'Liberation Serif': ['liberation/LiberationSerif-Regular.ttf', 'liberation/LiberationSerif-Bold.ttf', 'liberation/LiberationSerif-Italic.ttf'],
  'Liberation Mono': ['liberation/LiberationMono-Regular.ttf', 'liberation/LiberationMono-Bold.ttf'],
  'Noto Sans Mono': ['noto/NotoSansMono-Regular.ttf', 'noto/NotoSansMono-Bold.ttf'],
};

/** What a face stands in for when it is missing: same kind of letter, most likely installed first. */
const FALLBACK: Record<string, readonly string[]> = {
  sans: ['Liberation Sans', 'DejaVu Sans'],
  serif: ['Liberation Serif', 'DejaVu Serif', 'Liberation Sans', 'DejaVu Sans'],
  mono: ['Liberation Mono', 'DejaVu Sans Mono', 'Liberation Sans', 'DejaVu Sans'],
};
const KIND: Record<string, keyof typeof FALLBACK> = {
  'DejaVu Sans': 'sans',
  'DejaVu Sans Condensed': 'sans',
  'Liberation Sans': 'sans',
  'Liberation Sans Narrow': 'sans',
  'DejaVu Serif': 'serif',
  'DejaVu Serif Condensed': 'serif',
  'Liberation Serif': 'serif',
  'DejaVu Sans Mono': 'mono',
  'Liberation Mono': 'mono',
  'Noto Sans Mono': 'mono',
};

let registered: Set<string> | null = null;

/** Registers every installed family once; returns the installed family names. */
export function systemFonts(): Set<string> {
  if (registered) return registered;
  registered = new Set();
  for (const [family, files] of Object.entries(FAMILIES)) {
    const present = files.map((f) => `${DIR}/${f}`).filter((f) => existsSync(f));
    if (!present.length) continue;
    for (const f of present) GlobalFonts.registerFromPath(f, family);
    registered.add(family);
  }
  return registered;
}

/** The family to draw `wanted` with on this machine: itself when installed, else its kind's fallback. */
export function face(wanted: string): string {
  const have = systemFonts();
  if (have.has(wanted)) return wanted;
  return (FALLBACK[KIND[wanted] ?? 'sans'] ?? []).find((f) => have.has(f)) ?? 'sans-serif';
}

/** A hand that writes block capitals (Caveat, an OFL font from @fontsource/caveat). */
export const HAND_FONT = 'Caveat';
let handReady = false;
export function ensureHandFont(): void {
  if (handReady) return;
  const file = createRequire(import.meta.url).resolve('@fontsource/caveat/files/caveat-latin-400-normal.woff2');
  GlobalFonts.registerFromPath(file, HAND_FONT);
  handReady = true;
}

/** A tiny PRNG seeded by the text, so the same value is always written the same way without drawing
 * from the document's random stream. Returns values in [-0.5, 0.5). */
export function handJitter(text: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h >>> 0) % 10000) / 10000 - 0.5;
  };
}

/** How a hand writes: letter size (in the canvas's units), how much each letter's size, height above the
 * line and tilt wander, the gap between letters, whether sizes snap to whole pixels, and two inks. */
export interface HandStyle {
  size: number;
  grow: number;
  rise: number;
  tilt: number;
  gap: number;
  wholePixels: boolean;
  inks: readonly [string, string];
}

/** Writes `s` by hand from `x` on `baseline`, every letter a little different, the same text always the
 * same way (seeded by the text). The ink is one of the style's two unless given. Returns where it ends. */
export function writeByHand(ctx: SKRSContext2D, s: string, x: number, baseline: number, h: HandStyle, ink?: string): number {
  ensureHandFont();
  const jitter = handJitter(s);
  ctx.save();
  ctx.fillStyle = ink ?? (jitter() > 0 ? h.inks[0] : h.inks[1]);
  ctx.textBaseline = 'alphabetic';
  let at = x;
  for (const ch of s) {
    const px = h.size * (1 + h.grow * jitter());
    ctx.font = `${h.wholePixels ? Math.round(px) : px.toFixed(3)}px "${HAND_FONT}"`;
    ctx.save();
    ctx.translate(at, baseline + h.size * h.rise * jitter());
    ctx.rotate(h.tilt * jitter());
    ctx.fillText(ch, 0, 0);
    ctx.restore();
    at += ctx.measureText(ch).width + h.size * h.gap * (jitter() + 0.5);
  }
  ctx.restore();
  return at;
}
