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

  it('are refused when they do not fit the field or the document, with a problem the UI can translate', () => {
    expect(normalizeOfficerValue('ktp', 'nik', '1234')).toMatchObject({ ok: false, problem: 'nik' });
    expect(normalizeOfficerValue('ktp', 'tanggal_lahir', '31-02-1988')).toMatchObject({ ok: false, problem: 'date' });
    expect(normalizeOfficerValue('ktp', 'nomor_rekening', '123')).toMatchObject({ ok: false, problem: 'not_a_field' });
    expect(normalizeOfficerValue('other', 'nama', 'X')).toMatchObject({ ok: false, problem: 'not_a_field' });
    expect(normalizeOfficerValue('kk', 'anggota', 'not a list')).toMatchObject({ ok: false, problem: 'not_a_list' });
    expect(normalizeOfficerValue('ktp', 'nama', ['A', 'B'])).toMatchObject({ ok: false, problem: 'single_value' });
  });

  it('may clear a field (the officer will key it later)', () => {
    expect(normalizeOfficerValue('ktp', 'nama', null)).toEqual({ ok: true, value: null });
  });

  it('every contract key of every type has a kind', () => {
    expect(fieldKeys('ktp')).toEqual(expect.arrayContaining(['nik', 'nama', 'tempat_lahir', 'tanggal_lahir', 'provinsi', 'kabupaten_kota', 'golongan_darah']));
    expect(fieldKeys('kk')).toEqual(['nomor_kk', 'nama_kepala_keluarga', 'alamat', 'anggota']);
    expect(fieldKeys('surat_kematian')).toContain('penerbit');
    for (const type of [
      'ktp',
      'kk',
      'kartu_peserta',
      'buku_tabungan',
      'akta_kematian',
      'surat_kematian',
      'surat_ahli_waris',
      'buku_nikah',
      'form_kk1',
      'form_kk2',
      'surat_dokter',
      'kuitansi',
      'npwp',
    ] as const) {
      for (const key of fieldKeys(type)) expect(fieldKind(type, key), `${type}.${key}`).not.toBeNull();
    }
  });
});

describe('officer-keyed lists', () => {
  it('normalise every cell of a family card entry as OCR output is normalised', () => {
    const keyed = [
      {
        nik: '3273 0156 0463 0001',
        nama: '  lestari   anggraini ',
        jenis_kelamin: 'Perempuan',
        tempat_lahir: 'bandung',
        tanggal_lahir: '16 April 1963',
        hubungan: 'Kepala Keluarga',
      },
      { nik: '1571012003670002', nama: 'Slamet', jenis_kelamin: 'L', tempat_lahir: 'Jambi', tanggal_lahir: '20-03-1967', hubungan: 'SUAMI' },
    ];
    expect(normalizeOfficerValue('kk', 'anggota', keyed)).toEqual({
      ok: true,
      value: [
        {
          nik: '3273015604630001',
          nama: 'LESTARI ANGGRAINI',
          jenis_kelamin: 'P',
          tempat_lahir: 'BANDUNG',
          tanggal_lahir: '1963-04-16',
          hubungan: 'kepala_keluarga',
        },
        { nik: '1571012003670002', nama: 'SLAMET', jenis_kelamin: 'L', tempat_lahir: 'JAMBI', tanggal_lahir: '1967-03-20', hubungan: 'suami' },
      ],
    });
  });

  it('take the contract enum values as they are (what the table editor sends)', () => {
    expect(
      normalizeOfficerValue('surat_ahli_waris', 'ahli_waris', [
        { nama: 'Rina', hubungan: 'orang_tua' },
        { nama: 'Budi', nik: '1571012003670002', hubungan: 'anak' },
      ]),
    ).toEqual({
      ok: true,
      value: [
        { nama: 'RINA', hubungan: 'orang_tua' },
        { nama: 'BUDI', nik: '1571012003670002', hubungan: 'anak' },
      ],
    });
  });

  it('refuse a bad entry naming the entry (1-based) and the column', () => {
    const good = { nama: 'RINA', nik: '1571012003670002', hubungan: 'istri' };
    expect(normalizeOfficerValue('surat_ahli_waris', 'ahli_waris', [good, { nama: 'BUDI', nik: '1571 0120', hubungan: 'anak' }])).toMatchObject({
      ok: false,
      problem: 'nik',
      entry: 2,
      column: 'nik',
    });
    expect(normalizeOfficerValue('surat_ahli_waris', 'ahli_waris', [{ ...good, hubungan: 'tetangga' }])).toMatchObject({
      ok: false,
      problem: 'hubungan',
      entry: 1,
      column: 'hubungan',
    });
    expect(normalizeOfficerValue('surat_ahli_waris', 'ahli_waris', [{ nik: good.nik, hubungan: 'anak' }])).toMatchObject({
      ok: false,
      problem: 'missing',
      entry: 1,
      column: 'nama',
    });
    expect(normalizeOfficerValue('surat_ahli_waris', 'ahli_waris', [good, { nama: 'B4DU1', hubungan: 'anak' }])).toMatchObject({
      ok: false,
      problem: 'name',
      entry: 2,
      column: 'nama',
    });
    expect(normalizeOfficerValue('surat_ahli_waris', 'ahli_waris', [{ ...good, umur: '40' }])).toMatchObject({
      ok: false,
      problem: 'unknown_column',
      entry: 1,
      column: 'umur',
    });
    expect(normalizeOfficerValue('surat_ahli_waris', 'ahli_waris', [good, { ...good, nama: 'LAIN' }])).toMatchObject({
      ok: false,
      problem: 'duplicate_nik',
      entry: 2,
      column: 'nik',
    });
    const member = { nik: '1571012003670002', nama: 'SLAMET', jenis_kelamin: 'L', tempat_lahir: 'JAMBI', tanggal_lahir: '20-03-1967', hubungan: 'suami' };
    expect(normalizeOfficerValue('kk', 'anggota', [member, { ...member, nik: '3273015604630001', tanggal_lahir: '30-02-1990' }])).toMatchObject({
      ok: false,
      problem: 'date',
      entry: 2,
      column: 'tanggal_lahir',
    });
    expect(normalizeOfficerValue('kk', 'anggota', [{ ...member, jenis_kelamin: 'X' }])).toMatchObject({
      ok: false,
      problem: 'gender',
      entry: 1,
      column: 'jenis_kelamin',
    });
    expect(normalizeOfficerValue('kk', 'anggota', [{ ...member, tempat_lahir: '' }])).toMatchObject({
      ok: false,
      problem: 'missing',
      entry: 1,
      column: 'tempat_lahir',
    });
    expect(normalizeOfficerValue('kk', 'anggota', [{ ...member, tanggal_lahir: `01-01-${new Date().getUTCFullYear() + 3}` }])).toMatchObject({
      ok: false,
      problem: 'date_future',
      entry: 1,
      column: 'tanggal_lahir',
    });
    const refusal = normalizeOfficerValue('kk', 'anggota', [member, { ...member, nik: '1234' }]);
    expect(refusal.ok === false && refusal.reason).toMatch(/anggota entry 2, nik/);
  });

  it('refuse what is not a list of entries, and clear on an empty list', () => {
    expect(normalizeOfficerValue('kk', 'anggota', ['SLAMET'])).toMatchObject({ ok: false, problem: 'entry_shape', entry: 1 });
    expect(normalizeOfficerValue('kk', 'anggota', [])).toEqual({ ok: true, value: null });
    expect(normalizeOfficerValue('ktp', 'anggota', [])).toMatchObject({ ok: false, problem: 'not_a_field' });
  });

  it('program codes: ticked codes kept in the contract order, none ticked clears, unknown refused', () => {
    expect(normalizeOfficerValue('kartu_peserta', 'program', ['JHT', 'JKK'])).toEqual({ ok: true, value: ['JKK', 'JHT'] });
    expect(normalizeOfficerValue('kartu_peserta', 'program', [])).toEqual({ ok: true, value: null });
    expect(normalizeOfficerValue('kartu_peserta', 'program', ['JKK', 'ABCD'])).toMatchObject({ ok: false, problem: 'programs' });
  });
});
