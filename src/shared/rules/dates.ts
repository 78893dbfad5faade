// Calendar arithmetic on ISO dates, done in UTC so the result never depends on the machine's zone.
import { isValid, parseISO } from 'date-fns';

const DAY_MS = 86_400_000;

export function parseIsoDate(s: string | null | undefined): Date | null {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const d = parseISO(`${s}T00:00:00Z`);
  // parseISO rolls 2024-02-30 over to March; the round trip rejects such impossible dates.
  return isValid(d) && d.toISOString().slice(0, 10) === s ? d : null;
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
