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

const isWorkingDay = (d: Date, holidays: ReadonlySet<string>): boolean => {
  const wd = d.getUTCDay();
  return wd !== 0 && wd !== 6 && !holidays.has(iso(d));
};

/** Adds working days: Monday to Friday, less the public holidays given (ISO dates). */
export function addWorkingDays(from: Date, n: number, holidays: ReadonlySet<string> = new Set()): Date {
  let d = from;
  let left = n;
  while (left > 0) {
    d = plusDays(d, 1);
    if (isWorkingDay(d, holidays)) left -= 1;
  }
  return d;
}

/** Working days from `from` until `to` (0 on the day itself; negative once `to` has passed). */
export function workingDaysUntil(from: Date, to: Date, holidays: ReadonlySet<string> = new Set()): number {
  const sign = to.getTime() >= from.getTime() ? 1 : -1;
  const b = sign > 0 ? to : from;
  let a = sign > 0 ? from : to;
  let n = 0;
  while (a.getTime() < b.getTime()) {
    a = plusDays(a, 1);
    if (isWorkingDay(a, holidays)) n += 1;
  }
  return sign * n;
}
