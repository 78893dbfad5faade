// Families around a synthetic participant: spouse, children, heirs, with NIKs that encode their birth
// dates and genders, so KK tables and heir statements are internally consistent.
import type { Participant } from '../../src/shared/domain/participant';
import { buildNik, randomDate, randomName, REGIONS, SECOND_NAMES } from './people';
import type { Rng } from './random';
import type { Member } from './documents';

export interface Family {
  members: Member[];
  nomorKk: string;
  spouse: Member | null;
  children: Member[];
  head: Member;
  self: Member;
}

const regionOf = (p: Participant): string => REGIONS.find((r) => p.nik.startsWith(r.code))?.code ?? p.nik.slice(0, 6);

export function buildFamily(p: Participant, rng: Rng, printedSelf: string): Family {
  const code = regionOf(p);
  const place = p.tempat_lahir ?? 'JAMBI';
  const self: Member = {
    nik: p.nik,
    nama: printedSelf,
    jenis_kelamin: p.jenis_kelamin,
    tempat_lahir: place,
    tanggal_lahir: p.tanggal_lahir,
    hubungan: 'kepala_keluarga',
  };
  const by = Number(p.tanggal_lahir.slice(0, 4));
  const married = by < 1998 || rng.chance(0.3);
  let spouse: Member | null = null;
  if (married) {
    const g = p.jenis_kelamin === 'L' ? 'P' : 'L';
    const dob = randomDate(rng, by - 4, Math.min(by + 6, 2004));
    spouse = {
      nik: buildNik(code, dob, g, rng.int(1, 9999)),
      nama: randomName(rng, g),
      jenis_kelamin: g,
      tempat_lahir: place,
      tanggal_lahir: dob,
      hubungan: g === 'P' ? 'istri' : 'suami',
    };
  }
  const children: Member[] = [];
  const nChildren = married ? rng.int(0, 3) : 0;
  const surname = rng.pick(SECOND_NAMES);
  for (let i = 0; i < nChildren; i++) {
    const g = rng.chance(0.5) ? 'L' : 'P';
    const dob = randomDate(rng, Math.min(by + 20, 2024), Math.min(by + 40, 2025));
    const first = randomName(rng, g).split(' ')[0] ?? 'PUTRA';
    children.push({
      nik: buildNik(code, dob, g, rng.int(1, 9999)),
      nama: `${first} ${surname}`,
      jenis_kelamin: g,
      tempat_lahir: place,
      tanggal_lahir: dob,
      hubungan: 'anak',
    });
  }
  // The husband heads the family card; a woman participant is listed as the wife.
  let head = self;
  const members: Member[] = [];
  if (spouse && p.jenis_kelamin === 'P') {
    head = { ...spouse, hubungan: 'kepala_keluarga' };
    spouse = { ...spouse, hubungan: 'suami' };
    members.push(head, { ...self, hubungan: 'istri' });
  } else {
    members.push(self);
    if (spouse) members.push(spouse);
  }
  members.push(...children);
  const reg = randomDate(rng, 2012, 2024);
  const nomorKk = `${code}${reg.slice(8, 10)}${reg.slice(5, 7)}${reg.slice(2, 4)}${String(rng.int(1, 9999)).padStart(4, '0')}`;
  return { members, nomorKk, spouse, children, head, self };
}
