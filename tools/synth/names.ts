// Name variants across one person's documents (domain notes: titles on KTP, Muhammad variants, old
// spellings, bin/binti on heir statements). Each document prints one variant; its truth is that print.
import type { Rng } from './random';

const MUHAMMAD = ['MUHAMMAD', 'MUHAMAD', 'MOHAMMAD', 'MOHAMAD', 'MOCHAMAD', 'MOCHAMMAD', 'MUHAMMAD', 'M.'];
const OLD_SPELLING: readonly [RegExp, string][] = [
  [/U/g, 'OE'],
  [/J/g, 'DJ'],
  [/Y/g, 'J'],
  [/C/g, 'TJ'],
];
const TITLES_BEFORE = ['H.', 'HJ.', 'DRS.', 'IR.'];
const TITLES_AFTER = [', S.PD', ', S.E', ', S.KOM', ', A.MD', ', S.T'];

export type NameVariant = 'plain' | 'title' | 'muhammad' | 'old' | 'bin';

export function nameVariant(name: string, gender: 'L' | 'P', rng: Rng, variant: NameVariant, father?: string): string {
  switch (variant) {
    case 'plain':
      return name;
    case 'title': {
      if (rng.chance(0.5)) return `${gender === 'P' ? 'HJ.' : rng.pick(TITLES_BEFORE.filter((t) => t !== 'HJ.'))} ${name}`;
      return `${name}${rng.pick(TITLES_AFTER)}`;
    }
    case 'muhammad':
      return /^(MUHAMMAD|MUHAMAD|MOHAMMAD|MOCHAMAD)\b/.test(name) ? name.replace(/^\S+/, rng.pick(MUHAMMAD)) : name;
    case 'old': {
      // Old (pre-1972) spelling applied to the first name only, as people kept it on older papers.
      const [first, ...rest] = name.split(' ');
      const [re, to] = rng.pick(OLD_SPELLING);
      return [(first ?? '').replace(re, to), ...rest].join(' ');
    }
    case 'bin':
      return father ? `${name} ${gender === 'P' ? 'BINTI' : 'BIN'} ${father.split(' ')[0] ?? father}` : name;
  }
}

export function randomVariant(rng: Rng): NameVariant {
  const r = rng.next();
  return r < 0.6 ? 'plain' : r < 0.75 ? 'title' : r < 0.9 ? 'muhammad' : 'old';
}
