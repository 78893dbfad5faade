import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../../src/shared/extract/index';
import { pageOfLines, tableLines } from './page-builder';

// A KTP's labelled lines, the value column at x=500 (its colon before it).
const card = (labels: readonly (readonly [string, string])[]) =>
  pageOfLines([
    ...tableLines(80, [[[300, 'PROVINSI JAWA TENGAH']], [[300, 'KABUPATEN BOYOLALI']]]),
    ...tableLines(200, [
      [
        [100, 'NIK'],
        [440, ': 3309104403603860'],
      ],
    ]),
    ...tableLines(
      260,
      labels.map(
        ([label, value]) =>
          [
            [100, label],
            [472, `: ${value}`],
          ] as [number, string][],
      ),
    ),
  ]);

const LINES: readonly (readonly [string, string])[] = [
  ['Nama', 'RUKIYAH'],
  ['Tempat/Tgl Lahir', 'LAHAT, 04-03-1960'],
  ['Jenis Kelamin', 'PEREMPUAN'],
  ['Alamat', 'LRG. SEPAKAT NO. 62'],
  ['RT/RW', '018/001'],
  ['Kel/Desa', 'PULISEN'],
  ['Kecamatan', 'BOYOLALI'],
  ['Agama', 'KATOLIK'],
  ['Status Perkawinan', 'CERAI MATI'],
  ['Pekerjaan', 'TUKANG BATU'],
  ['Kewarganegaraan', 'WNI'],
  ['Berlaku Hingga', 'SEUMUR HIDUP'],
];
const garble = (lines: typeof LINES, which: Record<string, string>): typeof LINES => lines.map(([l, v]) => [which[l] ?? l, v] as const);
const fieldsOf = (lines: typeof LINES) => {
  const [doc] = extractDocuments([card(lines)]);
  expect(doc?.type).toBe('ktp');
  return doc?.fields ?? {};
};

describe('KTP values placed by the order of the lines when a label is lost', () => {
  it('fills fields whose labels OCR garbled from the value column, in the printed order, for the officer to confirm', () => {
    const f = fieldsOf(garble(LINES, { Nama: 'Denia cok', 'Tempat/Tgl Lahir': 'lempat/Tgi', Kewarganegaraan: 'raan' }));
    expect(f.nama?.value).toBe('RUKIYAH');
    expect(f.tempat_lahir?.value).toBe('LAHAT');
    expect(f.tanggal_lahir?.value).toBe('1960-03-04');
    expect(f.kewarganegaraan?.value).toBe('WNI');
    for (const k of ['nama', 'tempat_lahir', 'kewarganegaraan']) {
      expect(f[k]?.confidence).toBeLessThanOrEqual(0.85);
      expect(f[k]?.reason).toBe('label_not_found');
    }
    // Fields read by their labels keep their own confidence.
    expect(f.agama?.value).toBe('KATOLIK');
    expect(f.agama?.reason).toBeUndefined();
  });

  it('takes no value far right of the column for a field: the town printed beside the photo is no occupation', () => {
    const page = card(LINES.map(([l, v]) => (l === 'Pekerjaan' ? [l, ''] : [l, v])));
    // OCR lost the occupation; the town under the photo stands on its line, far to the right.
    const line = page.lines.find((ln) => ln.words.some((w) => w.text === 'Pekerjaan'));
    const town = { text: 'KERINCI', confidence: 0.95, bbox: [1400, line!.bbox[1], 1500, line!.bbox[3]] as [number, number, number, number] };
    line!.words.push(town);
    const [doc] = extractDocuments([page]);
    expect(doc?.fields.pekerjaan?.value ?? null).toBeNull();
    expect(doc?.fields.agama?.value).toBe('KATOLIK');
  });

  it('guesses nothing when the lines between two found values are not as many as the fields', () => {
    // The address wrapped onto a second line: two lines for the two lost labels Alamat and RT/RW.
    const lines = [...LINES];
    lines.splice(4, 0, ['', 'KEL. PULISEN']);
    const f = fieldsOf(garble(lines, { Alamat: 'Aamt', 'RT/RW': 'RTIRV' }));
    expect(f.alamat?.value ?? null).toBeNull();
    expect(f.rt_rw?.value ?? null).toBeNull();
    expect(f.kel_desa?.value).toBe('PULISEN');
  });
});
