// Identifier normalisation (contract §2): NIK and KK 16 digits, KPJ 11, NPWP 15/16, bank account digits.
import { repairDigits } from './digits';
import { validateNik } from './nik';

export interface IdentifierResult {
  value: string | null;
  /** Characters repaired from look-alike letters. */
  repaired: number;
  /** Why the value was rejected, when it was. */
  reason?: string;
}

/**
 * Find the digit run of the wanted length in a field's text: the text may carry neighbouring words
 * ("NIK : 1571 0245 …  Gol"), so tokens are joined greedily while they stay digit-like.
 */
export function findDigitRun(text: string, lengths: readonly number[], longest = false): IdentifierResult {
  const tokens = text.split(/\s+/).filter(Boolean);
  let best: IdentifierResult = { value: null, repaired: 0, reason: 'not_found' };
  for (let start = 0; start < tokens.length; start++) {
    let acc = '';
    let repaired = 0;
    for (let end = start; end < tokens.length; end++) {
      const r = repairDigits(tokens[end] ?? '');
      if (!r) break;
      acc += r.digits;
      repaired += r.repaired;
      if (lengths.includes(acc.length)) {
        // An account number printed in groups ("1850 5661 7320 3075") is all of its groups, not the first two.
        const better =
          best.value === null ||
          (longest ? acc.length > best.value.length || (acc.length === best.value.length && repaired < best.repaired) : repaired < best.repaired);
        if (better) best = { value: acc, repaired };
      }
      if (acc.length > Math.max(...lengths)) break;
    }
  }
  if (best.value === null) {
    const digitsSeen = text.replace(/\D/g, '').length;
    if (digitsSeen > 0) best.reason = 'wrong_length';
  }
  return best;
}

export function normalizeNik(text: string): IdentifierResult {
  const r = findDigitRun(text, [16]);
  if (r.value === null) return r;
  const check = validateNik(r.value);
  return check.valid ? r : { value: null, repaired: r.repaired, reason: `nik_${check.reasons[0] ?? 'invalid'}` };
}

/** KK numbers share the NIK's region prefix but encode a registration date, so only shape is checked. */
export function normalizeKk(text: string): IdentifierResult {
  const r = findDigitRun(text, [16]);
  if (r.value === null) return r;
  return /^[1-9]\d{15}$/.test(r.value) && r.value.slice(12) !== '0000' ? r : { value: null, repaired: r.repaired, reason: 'kk_invalid' };
}

export const normalizeKpj = (text: string): IdentifierResult => findDigitRun(text, [11]);

export const normalizeNpwp = (text: string): IdentifierResult => findDigitRun(text, [15, 16]);

/** Bank accounts are 8–18 digits depending on the bank; no public checksum exists (domain §4.5). */
export const normalizeAccount = (text: string): IdentifierResult => findDigitRun(text, [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18], true);
