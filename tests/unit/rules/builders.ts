// Hand-built dossiers for the rules tests: a clean case per claim type that raises no blocker, which
// each test then breaks in exactly one way.
import type { ClaimType } from '../../../src/shared/domain/claims';
import type { DocumentType, ExtractedDocument, FieldValue } from '../../../src/shared/domain/documents';
import type { Participant } from '../../../src/shared/domain/participant';
import { requirementTableSchema } from '../../../src/shared/requirements/schema';
import { rulesConfigSchema, type RulesConfig } from '../../../src/shared/rules/config';
import type { CaseDocumentInput, CaseInput } from '../../../src/shared/rules/input';
import requirementsJson from '../../../resources/requirements/requirements.json';
import rulesJson from '../../../resources/requirements/rules-config.json';

export const REQUIREMENTS = requirementTableSchema.parse(requirementsJson);
export const CONFIG: RulesConfig = rulesConfigSchema.parse(rulesJson);

export const PARTICIPANT: Participant = {
  nomor_kpj: '23012345678',
  nik: '1571024506880003',
  nama: 'SITI AMINAH',
  tempat_lahir: 'JAMBI',
  tanggal_lahir: '1988-06-05',
  jenis_kelamin: 'P',
  alamat: 'JL. SUDIRMAN NO. 5, KOTA BARU, KOTA JAMBI',
  segmen: 'BPU',
  status: 'aktif',
  tanggal_kepesertaan: '2019-03-01',
  iuran_lunas_sampai: '2026-09',
  program: ['JKK', 'JKM', 'JHT'],
  nama_bank: 'BANK JAMBI',
  nomor_rekening: '001234567890',
  nama_pemilik_rekening: 'SITI AMINAH',
};

let nextId = 1;
export function doc(type: DocumentType, values: Record<string, FieldValue>, page = 1): CaseDocumentInput {
  const fields: ExtractedDocument['fields'] = {};
  let y = 100;
  for (const [k, v] of Object.entries(values)) {
    fields[k] = { value: v, confidence: 0.95, page, bbox: [100, y, 600, y + 40] };
    y += 50;
  }
  const id = `d${nextId++}`;
  return { id, document: { type, typeConfidence: 0.95, pages: [page], fields }, fileSha256: `sha-${id}`, fileName: `${type}.pdf` };
}

export const ktp = (over: Record<string, FieldValue> = {}): CaseDocumentInput =>
  doc('ktp', { nik: PARTICIPANT.nik, nama: 'HJ. SITI AMINAH, S.PD', tempat_lahir: 'JAMBI', tanggal_lahir: '1988-06-05', jenis_kelamin: 'P', ...over });
export const card = (over: Record<string, FieldValue> = {}): CaseDocumentInput =>
  doc('kartu_peserta', { nomor_kpj: PARTICIPANT.nomor_kpj, nama: 'SITI AMINAH', nik: PARTICIPANT.nik, tanggal_lahir: '1988-06-05', ...over });
export const passbook = (over: Record<string, FieldValue> = {}): CaseDocumentInput =>
  doc('buku_tabungan', { nama_bank: 'BANK JAMBI', nomor_rekening: '001234567890', nama_pemilik: 'SITI AMINAH', ...over });

const HUSBAND = {
  nik: '1571021203850001',
  nama: 'BUDI SANTOSO',
  jenis_kelamin: 'L',
  tempat_lahir: 'JAMBI',
  tanggal_lahir: '1985-03-12',
  hubungan: 'kepala_keluarga',
};
const CHILD = { nik: '1571025509100002', nama: 'PUTRI AYU', jenis_kelamin: 'P', tempat_lahir: 'JAMBI', tanggal_lahir: '2010-09-15', hubungan: 'anak' };
const SELF = { nik: PARTICIPANT.nik, nama: 'SITI AMINAH', jenis_kelamin: 'P', tempat_lahir: 'JAMBI', tanggal_lahir: '1988-06-05', hubungan: 'istri' };

export const kk = (members: Record<string, string>[] = [HUSBAND, SELF, CHILD]): CaseDocumentInput =>
  doc('kk', { nomor_kk: '1571020101150004', nama_kepala_keluarga: 'BUDI SANTOSO', anggota: members });

function base(claimType: ClaimType, documents: CaseDocumentInput[], incidentDate: string | null): CaseInput {
  return { claimType, incidentDate, filedDate: '2026-10-20', participant: PARTICIPANT, memberships: [], documents, requirements: REQUIREMENTS, facts: {} };
}

export function cleanJkk(): CaseInput {
  return {
    ...base(
      'JKK',
      [
        card(),
        ktp(),
        passbook(),
        doc('form_kk1', {
          nomor_kpj: PARTICIPANT.nomor_kpj,
          nama: 'SITI AMINAH',
          nik: PARTICIPANT.nik,
          tanggal_kecelakaan: '2026-10-01',
          jam_kecelakaan: '14:30',
          tempat_kecelakaan: 'PASAR ANGSO DUO',
          tanggal_laporan: '2026-10-02',
        }),
        doc('form_kk2', {
          nomor_kpj: PARTICIPANT.nomor_kpj,
          nama: 'SITI AMINAH',
          tanggal_kecelakaan: '2026-10-01',
          kondisi_akhir: 'sembuh',
          tanggal_laporan: '2026-10-15',
        }),
        doc('surat_dokter', {
          nama: 'SITI AMINAH',
          tanggal_pemeriksaan: '2026-10-13',
          diagnosa: 'FRAKTUR RADIUS',
          kondisi_akhir: 'sembuh',
          nama_dokter: 'DR. ANDI',
          fasilitas_kesehatan: 'RSUD RADEN MATTAHER',
        }),
      ],
      '2026-10-01',
    ),
    facts: { trafficAccident: false, reimbursement: false, transportClaim: false, stmbClaim: false, benefitAmount: 8_000_000 },
  };
}

export function cleanJkm(): CaseInput {
  // The participant (a wife) died; her husband is the heir and the payee.
  return {
    ...base(
      'JKM',
      [
        card(),
        ktp({ nama: 'SITI AMINAH' }),
        kk(),
        ktp({ nik: HUSBAND.nik, nama: 'BUDI SANTOSO', tanggal_lahir: HUSBAND.tanggal_lahir, jenis_kelamin: 'L' }),
        doc('akta_kematian', {
          nomor_akta: '1571-KM-10102026-0001',
          nama: 'SITI AMINAH',
          nik: PARTICIPANT.nik,
          tanggal_kematian: '2026-10-05',
          tempat_kematian: 'JAMBI',
        }),
        doc('surat_ahli_waris', {
          nama_almarhum: 'SITI AMINAH',
          nik_almarhum: PARTICIPANT.nik,
          ahli_waris: [
            { nama: 'BUDI SANTOSO', nik: HUSBAND.nik, hubungan: 'suami' },
            { nama: 'PUTRI AYU', nik: CHILD.nik, hubungan: 'anak' },
          ],
          tanggal_surat: '2026-10-08',
        }),
        doc('buku_nikah', { nomor_akta_nikah: '123/45/VI/2008', nama_suami: 'BUDI SANTOSO', nama_istri: 'SITI AMINAH', tanggal_nikah: '2008-06-01' }),
        passbook({ nama_pemilik: 'BUDI SANTOSO', nomor_rekening: '009988776655' }),
      ],
      '2026-10-05',
    ),
    facts: { heirActsForOthers: false },
  };
}

export function cleanJht(): CaseInput {
  return { ...base('JHT', [card(), ktp(), kk(), passbook()], null), facts: { benefitAmount: 12_500_000 } };
}

export function cleanBeasiswa(): CaseInput {
  const j = cleanJkm();
  return { ...j, claimType: 'BEASISWA' };
}

/** Replace one field of the first document of a type. */
export function setField(input: CaseInput, type: DocumentType, key: string, value: FieldValue | null, nth = 0): CaseInput {
  let seen = -1;
  const documents = input.documents.map((d) => {
    if (d.document.type !== type || ++seen !== nth) return d;
    const f = d.document.fields[key] ?? { value: null, confidence: 0.9, page: 1, bbox: [0, 0, 10, 10] as [number, number, number, number] };
    return { ...d, document: { ...d.document, fields: { ...d.document.fields, [key]: { ...f, value } } } };
  });
  return { ...input, documents };
}

export const without = (input: CaseInput, type: DocumentType): CaseInput => ({ ...input, documents: input.documents.filter((d) => d.document.type !== type) });
