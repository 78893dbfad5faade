// How the real-format generator writes values: numbers and dates in Indonesian words, the date styles
// documents print, rupiah, and mixed case that keeps acronyms. The truth is the normalised value, so
// these printers must say exactly that value.
import { describe, expect, it } from 'vitest';
import { dateInWords, mixedCase, rupiahInWords, terbilang, writeDate, writeRupiah } from '../../../tools/synth/real/print';

describe('numbers and dates in words', () => {
  it('spells integers the Indonesian way (sebelas, seratus, seribu, juta)', () => {
    expect(terbilang(11)).toBe('sebelas');
    expect(terbilang(14)).toBe('empat belas');
    expect(terbilang(111)).toBe('seratus sebelas');
    expect(terbilang(1999)).toBe('seribu sembilan ratus sembilan puluh sembilan');
    expect(terbilang(2026)).toBe('dua ribu dua puluh enam');
    expect(terbilang(2_150_000)).toBe('dua juta seratus lima puluh ribu');
    expect(terbilang(1_001_000)).toBe('satu juta seribu');
  });

  it('writes a date in words with the month by name, and with its digits as deeds do', () => {
    expect(dateInWords('2026-09-14')).toBe('empat belas September dua ribu dua puluh enam');
    expect(writeDate('2026-09-14', 'WORDS (dd-mm-yyyy)')).toBe('EMPAT BELAS SEPTEMBER DUA RIBU DUA PULUH ENAM (14-09-2026)');
    expect(writeDate('2026-09-30', 'dd-mm-yyyy (words)')).toBe('30-09-2026 (tiga puluh September dua ribu dua puluh enam)');
  });

  it('prints the common date styles', () => {
    expect(writeDate('2026-09-30', 'dd-mm-yyyy')).toBe('30-09-2026');
    expect(writeDate('2026-09-30', 'dd/mm/yyyy')).toBe('30/09/2026');
    expect(writeDate('2026-09-30', 'dd MMM yyyy upper')).toBe('30 SEP 2026');
    expect(writeDate('2026-09-30', 'd bulan yyyy')).toBe('30 September 2026');
    expect(writeDate('2024-03-05', 'dd/mm/yy')).toBe('05/03/24');
  });
});

describe('money and case', () => {
  it('prints rupiah with dots and the receipt endings, and spells it out', () => {
    expect(writeRupiah(2_150_000, 'Rp 2.150.000,-')).toBe('Rp 2.150.000,-');
    expect(writeRupiah(950_000, 'Rp. 2.150.000,00')).toBe('Rp. 950.000,00');
    expect(rupiahInWords(2_150_000, 'first')).toBe('Dua juta seratus lima puluh ribu rupiah');
    expect(rupiahInWords(610_000, 'upper')).toBe('ENAM RATUS SEPULUH RIBU RUPIAH');
  });

  it('types names and places in mixed case but keeps acronyms in capitals', () => {
    expect(mixedCase('RSUD RADEN MATTAHER JAMBI')).toBe('RSUD Raden Mattaher Jambi');
    expect(mixedCase('GG. MAWAR II RT/RW 007/003')).toBe('Gg. Mawar II RT/RW 007/003');
    expect(mixedCase('JL. KH. AHMAD DAHLAN NO. 111')).toBe('Jl. KH. Ahmad Dahlan No. 111');
  });
});
