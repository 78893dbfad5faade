import { describe, expect, it } from 'vitest';
import { fieldKeys, fieldKind } from '../../../src/shared/extract/specs';
import { normalizeOfficerValue } from '../../../src/shared/extract/officer-value';

describe('officer-keyed values', () => {
  it('are normalised like OCR output', () => {
    expect(normalizeOfficerValue('ktp', 'tanggal_lahir', '5 Juni 1988')).toEqual({ ok: true, value: '1988-06-05' });
    expect(normalizeOfficerValue('ktp', 'nik', '1571 0245 0688 0003')).toEqual({ ok: true, value: '1571024506880003' });
    expect(normalizeOfficerValue('kuitansi', 'jumlah', 'Rp 12.450.000,-')).toEqual({ ok: true, value: 12450000 });
    expect(normalizeOfficerValue('ktp', 'nama', 'Hj. Siti  Aminah')).toEqual({ ok: true, value: 'HJ. SITI AMINAH' });
    expect(normalizeOfficerValue('kartu_peserta', 'program', ['JKK', 'JKM'])).toEqual({ ok: true, value: ['JKK', 'JKM'] });
    expect(normalizeOfficerValue('form_kk1', 'jam_kecelakaan', '14.30 WIB')).toEqual({ ok: true, value: '14:30' });
  });

  it('are refused when they do not fit the field or the document', () => {
    expect(normalizeOfficerValue('ktp', 'nik', '1234').ok).toBe(false);
    expect(normalizeOfficerValue('ktp', 'tanggal_lahir', '31-02-1988').ok).toBe(false);
    expect(normalizeOfficerValue('ktp', 'nomor_rekening', '123').ok).toBe(false);
    expect(normalizeOfficerValue('other', 'nama', 'X').ok).toBe(false);
    expect(normalizeOfficerValue('kk', 'anggota', 'not a list').ok).toBe(false);
  });

  it('may clear a field (the officer will key it later)', () => {
    expect(normalizeOfficerValue('ktp', 'nama', null)).toEqual({ ok: true, value: null });
  });

  it('every contract key of every type has a kind', () => {
    expect(fieldKeys('ktp')).toEqual(expect.arrayContaining(['nik', 'nama', 'tempat_lahir', 'tanggal_lahir', 'provinsi', 'kabupaten_kota', 'golongan_darah']));
    expect(fieldKeys('kk')).toEqual(['nomor_kk', 'nama_kepala_keluarga', 'alamat', 'anggota']);
    expect(fieldKeys('surat_kematian')).toContain('penerbit');
    for (const type of ['ktp', 'kk', 'kartu_peserta', 'buku_tabungan', 'akta_kematian', 'surat_kematian', 'surat_ahli_waris', 'buku_nikah', 'form_kk1', 'form_kk2', 'surat_dokter', 'kuitansi', 'npwp'] as const) {
      for (const key of fieldKeys(type)) expect(fieldKind(type, key), `${type}.${key}`).not.toBeNull();
    }
  });
});
