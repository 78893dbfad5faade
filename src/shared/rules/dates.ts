// Calendar arithmetic on ISO dates, done in UTC so the result never depends on the machine's zone.
const DAY_MS = 86_400_000;

export function parseIsoDate(s: string | null | undefined): Date | null {
  if (!s || s.length !== 10) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 2024-02-30 over to March; comparing the parts back rejects impossible dates.
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

export const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** Last day covered when contributions are paid through `yyyyMm` plus `graceMonths`. */
export function coveredThrough(yyyyMm: string, graceMonths: number): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(yyyyMm);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  // Day 0 of the following month is the last day of the target month.
  return iso(new Date(Date.UTC(Number(m[1]), Number(m[2]) + graceMonths, 0)));
}

export const daysBetween = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / DAY_MS);
export const plusDays = (d: Date, n: number): Date => new Date(d.getTime() + n * DAY_MS);

export function plusYears(d: Date, n: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear() + n, d.getUTCMonth(), d.getUTCDate()));
}

/** Adds working days (Monday–Friday; public holidays are not known offline). */
export function addWorkingDays(from: Date, n: number): Date {
  let d = from;
  let left = n;
  while (left > 0) {
    d = plusDays(d, 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return d;
}
