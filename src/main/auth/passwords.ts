// Passwords are stored as salted scrypt hashes (a memory-hard function from Node's standard library) with
// the parameters beside them, so they can be raised later without invalidating older hashes:
//   scrypt$<N>$<r>$<p>$<salt, base64>$<hash, base64>
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/** 2^15 × 8 × 128 bytes = 32 MiB of memory per hash: tens of milliseconds here, costly at scale for a guesser. */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

const maxmem = (N: number, r: number): number => 256 * N * r;

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = SCRYPT_PARAMS;
  const salt = crypto.randomBytes(SALT_BYTES);
  const hash = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: maxmem(N, r) });
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (expected.length === 0) return false;
  const actual = await scrypt(password.normalize('NFC'), salt, expected.length, { N, r, p, maxmem: maxmem(N, r) });
  return crypto.timingSafeEqual(actual, expected);
}

/** A hash no password matches, verified against unknown user names so they take as long as known ones. */
let decoy: Promise<string> | null = null;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(crypto.randomBytes(16).toString('hex')));

/** Why a new password is refused, or null; the length is the contract's (passwordSchema). */
export function passwordProblem(password: string, username: string): 'same_as_username' | 'too_simple' | null {
  const p = password.toLowerCase();
  if (p.includes(username.toLowerCase())) return 'same_as_username';
  // One repeated character or a plain run of digits is guessed first.
  if (/^(.)\1*$/.test(p) || /^\d+$/.test(p)) return 'too_simple';
  return null;
}

/** A random password for demo accounts and tests: 4 groups of 4 from an unambiguous alphabet. */
export function randomPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const chars = Array.from({ length: 16 }, () => alphabet[crypto.randomInt(alphabet.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
