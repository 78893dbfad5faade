// Participant CSV text (contract §3) from seeded synthetic identities: demo data, tests and benchmarks.
// Only writing: quoting every field is all RFC 4180 needs for our values.
import { PARTICIPANT_COLUMNS, type Participant } from '../../src/shared/domain/participant';
import { syntheticParticipant } from './people';

export const CSV_COLUMNS = PARTICIPANT_COLUMNS;

const q = (v: string | null): string => (v === null ? '' : `"${v.replace(/"/g, '""')}"`);

export function csvLine(p: Participant): string {
  return CSV_COLUMNS.map((c) => {
    const v = p[c];
    return q(Array.isArray(v) ? v.join(';') : v);
  }).join(',');
}

export const csvHeader = (): string => CSV_COLUMNS.join(',');

export function participantsCsv(people: Participant[]): string {
  return [csvHeader(), ...people.map(csvLine)].join('\n') + '\n';
}

export function syntheticPeople(seed: number, count: number, from = 0): Participant[] {
  return Array.from({ length: count }, (_, i) => syntheticParticipant(seed, from + i));
}
