// Small figures the benches print, and how they read their arguments.

/** The q-quantile by nearest rank (q 0.5 is the median's upper middle); NaN for no values. */
export const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor(q * s.length))] as number) : NaN;
};

/** The median, the two middle values averaged for an even count. */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** `--name N`: a positive number, else `fallback`. */
export const argOf = (args: string[], name: string, fallback: number): number => {
  const at = args.indexOf(name);
  const v = at >= 0 ? Number(args[at + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
