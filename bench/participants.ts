// Synthetic participants for the benches (tools/synth, never real people): the CSV they import, written in
// pieces as a large file is, and the names officers type when they search for one of them.
import fs from 'node:fs';
import { csvHeader, csvLine } from '../tests/fixtures/participants/csv';
import { syntheticParticipant } from '../tools/synth/people';

/** Writes `rows` synthetic participants (the same for the same seed) as a participant CSV. */
export async function writeParticipantCsv(file: string, rows: number, seed: number): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (s: string): Promise<void> => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', () => r())));
  await write(`${csvHeader()}\n`);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += `${csvLine(syntheticParticipant(seed, i))}\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
}

const dropLetter = (n: string): string => n.slice(0, n.length - 3) + n.slice(n.length - 2);

/** Names as officers type them: in full, in lower case, in the old spelling, with a damaged letter, with a
 * dropped letter, one word only. Query `k` of a run takes the k-th way, round and round. */
const TYPED: readonly ((name: string) => string)[] = [
  (n) => n,
  (n) => n.toLowerCase(),
  (n) => n.replace(/U/g, 'OE'),
  (n) => n.replace(/I/, 'L'),
  dropLetter,
  (n) => n.split(' ').slice(-1)[0]!,
];

export const typedName = (name: string, k: number): string => TYPED[k % TYPED.length]!(name);
