// NIK structure (domain §4.1): PP KK CC DDMMYY SSSS, day + 40 for women. There is no check digit, so
// validation is structural: province code, a real birth date, a non-zero serial.
import { isExists } from 'date-fns/isExists';

/** Province codes (BPS/Kemendagri), including the new Papua provinces. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
]);

export interface NikCheck {
  valid: boolean;
  reasons: string[];
  gender: 'L' | 'P' | null;
  /** Day, month and two-digit year encoded in the NIK. */
  day: number | null;
  month: number | null;
  yy: number | null;
}

export function validateNik(nik: string): NikCheck {
  const none: NikCheck = { valid: false, reasons: ['length'], gender: null, day: null, month: null, yy: null };
  if (!/^\d{16}$/.test(nik)) return none;
  const reasons: string[] = [];
  if (!PROVINCE_CODES.has(nik.slice(0, 2))) reasons.push('province');
  if (nik.slice(2, 4) === '00') reasons.push('regency');
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const gender = rawDay > 40 ? 'P' : 'L';
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  if (day < 1 || day > 31) reasons.push('birth_day');
  if (month < 1 || month > 12) reasons.push('birth_month');
  // Feb 29 exists in some century for any yy divisible by 4 (00 counts via 2000).
  if (!reasons.length && !isExists(2000 + yy, month - 1, day) && !isExists(1900 + yy, month - 1, day)) {
    reasons.push('birth_date');
  }
  if (nik.slice(12) === '0000') reasons.push('serial');
  return { valid: reasons.length === 0, reasons, gender, day, month, yy };
}

/** True when the NIK's encoded birth date and gender agree with the printed ones. */
export function nikMatches(nik: string, isoDob: string | null, gender: 'L' | 'P' | null): boolean {
  const c = validateNik(nik);
  if (!c.valid) return false;
  if (gender && c.gender !== gender) return false;
  if (isoDob) {
    const [y, m, d] = isoDob.split('-').map(Number) as [number, number, number];
    if (y % 100 !== c.yy || m !== c.month || d !== c.day) return false;
  }
  return true;
}
