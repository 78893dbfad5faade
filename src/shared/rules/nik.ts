// NIK structure (domain notes §4.1): PP KK CC DDMMYY SSSS, day + 40 for women. No check digit exists,
// so validation is structural only.

export interface DecodedNik {
  day: number;
  month: number;
  /** Last two digits of the birth year. */
  yy: number;
  gender: 'L' | 'P';
}

export function decodeNik(nik: string): DecodedNik | null {
  if (!/^\d{16}$/.test(nik)) return null;
  const dd = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = dd > 40;
  const day = female ? dd - 40 : dd;
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  return { day, month, yy, gender: female ? 'P' : 'L' };
}

/** Which parts of a printed birth date / gender disagree with what the NIK encodes. */
export function nikDisagreements(nik: string, isoDob: string | null, gender: string | null): string[] | null {
  const d = decodeNik(nik);
  if (!d) return ['structure'];
  const out: string[] = [];
  if (isoDob && /^\d{4}-\d{2}-\d{2}$/.test(isoDob)) {
    const [y, m, day] = isoDob.split('-').map(Number) as [number, number, number];
    if (day !== d.day || m !== d.month || y % 100 !== d.yy) out.push('birth_date');
  }
  if (gender === 'L' || gender === 'P') {
    if (gender !== d.gender) out.push('gender');
  }
  return out;
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

export function describeNik(nik: string): { id: string; en: string } {
  const d = decodeNik(nik);
  if (!d) return { id: 'struktur tidak sah', en: 'an invalid structure' };
  const date = `${pad2(d.day)}-${pad2(d.month)}-..${pad2(d.yy)}`;
  return {
    id: `lahir ${date}, ${d.gender === 'P' ? 'perempuan' : 'laki-laki'}`,
    en: `born ${date}, ${d.gender === 'P' ? 'female' : 'male'}`,
  };
}
