// Spelling-insensitive keys for Indonesian name tokens. Pre-1972 spellings (oe/u, dj/j, tj/c, nj/ny,
// sj/sy, ch/kh) and common phonetic variants (Rizky/Risky, Ramadhan/Ramadan) map to the same key.

const REWRITES: readonly [RegExp, string][] = [
  [/OE/g, 'U'],
  [/DJ/g, 'J'],
  [/TJ/g, 'C'],
  [/SJ/g, 'SY'],
  [/NJ/g, 'NY'],
  [/CH/g, 'KH'],
  // Old "j" is modern "y"; after dj→j we can no longer tell them apart, so both become Y.
  [/J/g, 'Y'],
  [/KH/g, 'H'],
  [/DH/g, 'D'],
  [/TH/g, 'T'],
  [/SY/g, 'S'],
  [/PH/g, 'F'],
  [/V/g, 'F'],
  [/Q/g, 'K'],
  [/Z/g, 'S'],
  [/X/g, 'KS'],
  [/IE/g, 'I'],
  [/AY$/g, 'AI'],
  [/EY$/g, 'I'],
  [/Y$/g, 'I'],
  [/([AIUEO])H$/g, '$1'],
];

// Names repeat a lot (a few thousand words cover most people), so keys are remembered; the cache is
// bounded so a stream of unusual words cannot grow it without limit.
const cache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

/** The phonetic key of one upper-case, letters-only token. */
export function phoneticKey(token: string): string {
  const hit = cache.get(token);
  if (hit !== undefined) return hit;
  const key = computeKey(token);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(token, key);
  return key;
}

function computeKey(token: string): string {
  let k = token;
  for (const [re, to] of REWRITES) k = k.replace(re, to);
  // Doubled letters (Muhammad/Muhamad, Annisa/Anisa) carry no difference between people.
  return k.replace(/(.)\1+/g, '$1');
}
