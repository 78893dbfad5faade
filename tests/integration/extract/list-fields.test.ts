// An officer keys the list a document's table did not give (the heirs of an heir statement, the members
// of a family card) and corrects it, through the real dispatcher on a real database: each entry is
// normalised as OCR output is, a bad entry is refused naming its row and column, and the keyed list
// survives re-extraction. The pages are text-layer PDFs, read without OCR, so the test stays quick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDocument } from '../../../src/shared/api/methods-extraction';
import type { Result } from '../../../src/shared/api/result';
import { addFilesToCase } from '../../../src/main/intake/intake';
import { startCaseOcr } from '../../../src/main/ocr/case-ocr';
import { createCase } from '../../../src/main/services/cases';
import { callerAs, type Session } from '../../helpers/sessions';
import { tempContext } from '../../helpers/temp-home';
import { heirStatementWithoutTable, textPdf } from '../../fixtures/text-pdf';
import type { BackendContext } from '../../../src/main/context';

let ctx: BackendContext;
let cleanup: () => Promise<void>;
let heirs: CaseDocument;
let family: CaseDocument;
let card: CaseDocument;

let officer: Session['call'];
const call = <T>(method: string, input: unknown): Promise<Result<T>> => officer(method, input) as Promise<Result<T>>;
const value = async <T>(method: string, input: unknown): Promise<T> => {
  const res = await call<T>(method, input);
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value;
};

beforeAll(async () => {
  ({ ctx, cleanup } = tempContext());
  officer = await callerAs(ctx, 'officer');
  const caseId = createCase(ctx, { claimType: 'JKM', notes: '' }).id;
  // Letters with their heading and identity lines but no table: the lists are left for keying.
  await addFilesToCase(ctx, caseId, [
    { name: 'ahli-waris.pdf', bytes: await heirStatementWithoutTable() },
    { name: 'kk.pdf', bytes: await textPdf(['KARTU KELUARGA', 'No. 3174010101100007', 'Nama Kepala Keluarga : BUDI SANTOSO', 'Alamat : JL. MERDEKA NO. 1']) },
    {
      name: 'kartu.pdf',
      bytes: await textPdf(['BPJS KETENAGAKERJAAN', 'KARTU PESERTA', 'Nama : BUDI SANTOSO', 'No. KPJ : 23012345678', 'NIK : 3174012702880002']),
    },
  ]);
  await startCaseOcr(ctx, caseId);
  const { documents } = await value<{ documents: CaseDocument[] }>('extraction.run', { caseId });
  heirs = documents.find((d) => d.type === 'surat_ahli_waris')!;
  family = documents.find((d) => d.type === 'kk')!;
  card = documents.find((d) => d.type === 'kartu_peserta')!;
}, 120_000);

afterAll(() => cleanup());

describe('list fields keyed by the officer', () => {
  it('start unread, for the officer to key', () => {
    expect(heirs.fields.ahli_waris).toMatchObject({ value: null, needsKeying: true });
    expect(family.fields.anggota).toMatchObject({ value: null, needsKeying: true });
  });

  it('are saved normalised: NIK digits, ISO dates, names in capitals, contract enums', async () => {
    const saved = await value<CaseDocument>('extraction.setField', {
      documentId: heirs.id,
      key: 'ahli_waris',
      value: [
        { nama: 'siti  aminah', nik: '3174 0155 0790 0003', hubungan: 'Istri' },
        { nama: 'Rizki Santoso', hubungan: 'anak' },
      ],
    });
    expect(saved.fields.ahli_waris).toMatchObject({
      value: [
        { nama: 'SITI AMINAH', nik: '3174015507900003', hubungan: 'istri' },
        { nama: 'RIZKI SANTOSO', hubungan: 'anak' },
      ],
      source: 'officer',
      confidence: 1,
    });
    expect(saved.fields.ahli_waris?.needsKeying).toBeUndefined();

    const members = await value<CaseDocument>('extraction.setField', {
      documentId: family.id,
      key: 'anggota',
      value: [
        {
          nik: '3174012702880002',
          nama: 'Budi Santoso',
          jenis_kelamin: 'Laki-laki',
          tempat_lahir: 'jakarta',
          tanggal_lahir: '27 Februari 1988',
          hubungan: 'kepala_keluarga',
        },
      ],
    });
    expect(members.fields.anggota?.value).toEqual([
      { nik: '3174012702880002', nama: 'BUDI SANTOSO', jenis_kelamin: 'L', tempat_lahir: 'JAKARTA', tanggal_lahir: '1988-02-27', hubungan: 'kepala_keluarga' },
    ]);
  });

  it('refuse a bad entry with its row, column and problem, and keep what was saved', async () => {
    const before = (await value<{ documents: CaseDocument[] }>('extraction.list', { caseId: heirs.caseId })).documents;
    const bad = await call('extraction.setField', {
      documentId: heirs.id,
      key: 'ahli_waris',
      value: [
        { nama: 'SITI AMINAH', hubungan: 'istri' },
        { nama: 'RIZKI', nik: '3174 0155', hubungan: 'anak' },
      ],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_input');
      expect(bad.error.params).toEqual({ key: 'ahli_waris', problem: 'nik', entry: 2, column: 'nik' });
      expect(bad.error.message).toMatch(/ahli_waris entry 2, nik/);
    }
    // The text input's old way of saving a list is refused as not a list, not stored as text.
    const text = await call('extraction.setField', { documentId: heirs.id, key: 'ahli_waris', value: 'SITI AMINAH' });
    expect(!text.ok && text.error.params).toEqual({ key: 'ahli_waris', problem: 'not_a_list' });
    const after = (await value<{ documents: CaseDocument[] }>('extraction.list', { caseId: heirs.caseId })).documents;
    expect(after).toEqual(before);
  });

  it('survive re-extraction, and program codes are saved from ticked boxes', async () => {
    const rerun = await value<{ documents: CaseDocument[] }>('extraction.run', { caseId: heirs.caseId });
    const again = rerun.documents.find((d) => d.id === heirs.id);
    expect(again?.fields.ahli_waris).toMatchObject({ source: 'officer', value: [{ nama: 'SITI AMINAH' }, { nama: 'RIZKI SANTOSO' }] });
    const programs = await value<CaseDocument>('extraction.setField', { documentId: card.id, key: 'program', value: ['JHT', 'JKK'] });
    expect(programs.fields.program).toMatchObject({ value: ['JKK', 'JHT'], source: 'officer' });
  });
});
