import { describe, expect, it } from 'vitest';
import { normalizeName, parseGender, parseHubungan, parseKondisiAkhir, parseRupiah, parseTime } from '../../../src/shared/normalize/values';

describe('values', () => {
  it.each([
    ['Rp 12.450.000,-', 12450000],
    ['Rp. 1.500.000,00', 1500000],
    ['Rp12,450,000.00', 12450000],
    ['Rp 250.000', 250000],
    ['Rp 1.25O.000,-', 1250000],
    ['12450000', 12450000],
  ])('money %s → %d', (text, n) => {
    expect(parseRupiah(text).value).toBe(n);
  });

  it('refuses amounts whose digit groups are broken', () => {
    expect(parseRupiah('Rp 1.25.000').value).toBeNull();
    expect(parseRupiah('Rp -').value).toBeNull();
  });

  it.each([
    ['14.30 WIB', '14:30'],
    ['Pukul 9.05', '09:05'],
    ['07:45', '07:45'],
  ])('time %s → %s', (text, hhmm) => {
    expect(parseTime(text).value).toBe(hhmm);
  });

  it('refuses impossible times', () => {
    expect(parseTime('25.10').value).toBeNull();
    expect(parseTime('10.75').value).toBeNull();
  });

  it('maps gender, final condition and family relationship words, tolerating misreads', () => {
    expect(parseGender('LAKI-LAKI').value).toBe('L');
    expect(parseGender('PEREMPUAN').value).toBe('P');
    expect(parseGender('PEREMPAUN').value).toBe('P');
    expect(parseGender('LAKl-LAKl').value).toBe('L');
    expect(parseGender('KAWIN').value).toBeNull();
    expect(parseKondisiAkhir('CACAT SEBAGIAN FUNGSI').value).toBe('cacat_sebagian_fungsi');
    expect(parseKondisiAkhir('Cacat Sebagian Anatomis').value).toBe('cacat_sebagian_anatomis');
    expect(parseKondisiAkhir('CACAT TOTAL TETAP').value).toBe('cacat_total_tetap');
    expect(parseKondisiAkhir('MENINGGAL DUNIA').value).toBe('meninggal');
    expect(parseKondisiAkhir('SEMBUH').value).toBe('sembuh');
    expect(parseHubungan('KEPALA KELUARGA').value).toBe('kepala_keluarga');
    expect(parseHubungan('ANAK KANDUNG').value).toBe('anak');
    expect(parseHubungan('ISTERI').value).toBe('istri');
    expect(parseHubungan('FAMILI LAIN').value).toBe('lainnya');
    expect(parseHubungan('XYZ').value).toBeNull();
  });

  it('upper-cases names as printed, keeping titles', () => {
    expect(normalizeName('Hj.  Siti  Aminah, S.Pd')).toBe('HJ. SITI AMINAH, S.PD');
    expect(normalizeName(': dr. Andi Wijaya , Sp.OT |')).toBe('DR. ANDI WIJAYA, SP.OT');
  });
});

describe('scan dust in printed text', () => {
  it.each([
    ['KABUPATEN BATANG.HARI', 'KABUPATEN BATANG HARI'],
    ['KOTA. BARU', 'KOTA BARU'],
    ['JL. SULTAN THAHA NO.16', 'JL. SULTAN THAHA NO. 16'],
    ['CEDERA KEPALA RINGAN.', 'CEDERA KEPALA RINGAN'],
    ['ABDUL SARI...', 'ABDUL SARI'],
    ['JOKO WIJAYA, S. KOM', 'JOKO WIJAYA, S.KOM'],
    ['KAB. MUARO JAMBI', 'KAB. MUARO JAMBI'],
    ['DRS. AHMAD', 'DRS. AHMAD'],
    ['SIMPANG lll SIPIN', 'SIMPANG III SIPIN'],
    ['M. RIZKY', 'M. RIZKY'],
    ['BUDI S.', 'BUDI S.'],
  ])('%s → %s', (raw, out) => {
    expect(normalizeName(raw)).toBe(out);
  });
});

describe('OCR punctuation in addresses', () => {
  it.each([
    ['©: PALEMBANG', 'PALEMBANG'],
    ['JL: SUDIRMAN NO, 80', 'JL. SUDIRMAN NO. 80'],
    ['JL. KAPTEN PATTIMURA NO.. 8', 'JL. KAPTEN PATTIMURA NO. 8'],
  ])('%s → %s', (raw, out) => {
    expect(normalizeName(raw)).toBe(out);
  });
});
