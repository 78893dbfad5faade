// Flag messages in Bahasa Indonesia (shown by default) and English, one template pair per rule.
import type { RuleId } from '../domain/claims';

type Params = Record<string, string | number>;
type Template = { id: (p: Params) => string; en: (p: Params) => string };

const s = (p: Params, k: string): string => String(p[k] ?? '');

const T: Record<RuleId, Template> = {
  'identity.nik_mismatch': {
    id: (p) => `NIK pada ${s(p, 'doc')} (${s(p, 'docValue')}) berbeda dengan ${s(p, 'against') || 'data peserta'} (${s(p, 'recordValue')}).`,
    en: (p) => `The NIK on the ${s(p, 'docEn')} (${s(p, 'docValue')}) differs from ${s(p, 'againstEn') || 'the participant record'} (${s(p, 'recordValue')}).`,
  },
  'identity.name_mismatch': {
    id: (p) => `Nama pada ${s(p, 'doc')} (${s(p, 'docValue')}) tidak cocok dengan ${s(p, 'against')} (${s(p, 'recordValue')}); skor ${s(p, 'score')}.`,
    en: (p) => `The name on the ${s(p, 'docEn')} (${s(p, 'docValue')}) does not match ${s(p, 'againstEn')} (${s(p, 'recordValue')}); score ${s(p, 'score')}.`,
  },
  'identity.dob_mismatch': {
    id: (p) => `Tanggal lahir pada ${s(p, 'doc')} (${s(p, 'docValue')}) berbeda dengan data peserta (${s(p, 'recordValue')}).`,
    en: (p) => `The birth date on the ${s(p, 'docEn')} (${s(p, 'docValue')}) differs from the participant record (${s(p, 'recordValue')}).`,
  },
  'identity.nik_dob_inconsistent': {
    id: (p) => `NIK ${s(p, 'nik')} pada ${s(p, 'doc')} menyandikan ${s(p, 'encoded')}, tetapi tercetak ${s(p, 'printed')}.`,
    en: (p) => `NIK ${s(p, 'nik')} on the ${s(p, 'docEn')} encodes ${s(p, 'encodedEn')}, but ${s(p, 'printedEn')} is printed.`,
  },
  'identity.kpj_mismatch': {
    id: (p) => `Nomor KPJ pada ${s(p, 'doc')} (${s(p, 'docValue')}) berbeda dengan KPJ klaim (${s(p, 'recordValue')}).`,
    en: (p) => `The KPJ number on the ${s(p, 'docEn')} (${s(p, 'docValue')}) differs from the claim's KPJ (${s(p, 'recordValue')}).`,
  },
  'bank.holder_name_mismatch': {
    id: (p) => `Pemilik rekening pada buku tabungan (${s(p, 'docValue')}) bukan peserta${s(p, 'death') ? ' maupun ahli waris' : ''}.`,
    en: (p) => `The passbook holder (${s(p, 'docValue')}) is not the participant${s(p, 'death') ? ' nor an heir' : ''}.`,
  },
  'membership.inactive_at_incident': {
    id: (p) => `Pada tanggal kejadian ${s(p, 'date')} kepesertaan tidak aktif: ${s(p, 'why')}.`,
    en: (p) => `Membership was not active on the incident date ${s(p, 'date')}: ${s(p, 'whyEn')}.`,
  },
  'membership.program_not_covered': {
    id: (p) => `Program ${s(p, 'program')} tidak termasuk program peserta (${s(p, 'programs')}).`,
    en: (p) => `Program ${s(p, 'program')} is not among the participant's programs (${s(p, 'programs')}).`,
  },
  'documents.missing_required': {
    id: (p) => `Dokumen wajib belum ada: ${s(p, 'label')}.`,
    en: (p) => `Required document missing: ${s(p, 'labelEn')}.`,
  },
  'documents.low_quality': {
    id: (p) => `Halaman ${s(p, 'page')}${s(p, 'file') ? ` (${s(p, 'file')})` : ''} kurang jelas untuk dibaca otomatis; petugas harus mengetik isinya.`,
    en: (p) => `Page ${s(p, 'page')}${s(p, 'file') ? ` (${s(p, 'file')})` : ''} is too poor to read reliably; the officer must key it.`,
  },
  'claim.deadline_exceeded': {
    id: (p) => `Klaim diajukan ${s(p, 'filed')}, melewati batas ${s(p, 'years')} tahun sejak kejadian ${s(p, 'date')}.`,
    en: (p) => `The claim was filed on ${s(p, 'filed')}, past the ${s(p, 'years')}-year limit from the incident on ${s(p, 'date')}.`,
  },
  'claim.duplicate': {
    id: (p) => `Sudah ada klaim ${s(p, 'type')} lain untuk peserta ini (${s(p, 'reference')}, status ${s(p, 'status')}).`,
    en: (p) => `Another ${s(p, 'type')} claim exists for this participant (${s(p, 'reference')}, status ${s(p, 'status')}).`,
  },
  'fraud.shared_bank_account': {
    id: (p) => `Rekening ${s(p, 'account')} tercatat atas nama peserta lain (${s(p, 'other')}, KPJ ${s(p, 'otherKpj')}).`,
    en: (p) => `Account ${s(p, 'account')} is on record for another participant (${s(p, 'other')}, KPJ ${s(p, 'otherKpj')}).`,
  },
  'fraud.document_reused': {
    id: (p) => `Berkas ${s(p, 'file')} yang sama terdapat dalam kasus peserta lain (${s(p, 'reference')}).`,
    en: (p) => `The same file ${s(p, 'file')} appears in another participant's case (${s(p, 'reference')}).`,
  },
  'jkk.report_late': {
    id: (p) => `Laporan kecelakaan tahap I tanggal ${s(p, 'report')} melewati ${s(p, 'hours')} jam setelah kecelakaan ${s(p, 'date')}.`,
    en: (p) => `The stage-I accident report dated ${s(p, 'report')} is more than ${s(p, 'hours')} hours after the accident on ${s(p, 'date')}.`,
  },
  'receipt.date_before_incident': {
    id: (p) => `Kuitansi tanggal ${s(p, 'receipt')} lebih awal dari tanggal kecelakaan ${s(p, 'date')}.`,
    en: (p) => `The receipt dated ${s(p, 'receipt')} is earlier than the accident on ${s(p, 'date')}.`,
  },
  'npwp.required': {
    id: (p) => `Manfaat Rp${s(p, 'amount')} melebihi Rp${s(p, 'threshold')}; NPWP wajib dilampirkan.`,
    en: (p) => `The benefit of Rp${s(p, 'amount')} exceeds Rp${s(p, 'threshold')}; an NPWP is required.`,
  },
};

/** What each rule checks, in words, where a message names the rule itself (never its id). */
export const RULE_TITLES: Record<RuleId, { id: string; en: string }> = {
  'identity.nik_mismatch': { id: 'kecocokan NIK', en: 'NIK match' },
  'identity.name_mismatch': { id: 'kecocokan nama', en: 'name match' },
  'identity.dob_mismatch': { id: 'kecocokan tanggal lahir', en: 'birth date match' },
  'identity.nik_dob_inconsistent': { id: 'kesesuaian NIK dengan tanggal lahir dan jenis kelamin', en: 'NIK against birth date and gender' },
  'identity.kpj_mismatch': { id: 'kecocokan nomor KPJ', en: 'KPJ number match' },
  'bank.holder_name_mismatch': { id: 'pemilik rekening', en: 'account holder' },
  'membership.inactive_at_incident': { id: 'kepesertaan aktif saat kejadian', en: 'membership active at the incident' },
  'membership.program_not_covered': { id: 'program kepesertaan', en: 'programme coverage' },
  'documents.missing_required': { id: 'kelengkapan dokumen', en: 'required documents' },
  'documents.low_quality': { id: 'keterbacaan dokumen', en: 'document legibility' },
  'claim.deadline_exceeded': { id: 'batas waktu klaim', en: 'claim deadline' },
  'claim.duplicate': { id: 'klaim ganda', en: 'duplicate claim' },
  'fraud.shared_bank_account': { id: 'rekening milik peserta lain', en: "another participant's account" },
  'fraud.document_reused': { id: 'dokumen yang dipakai ulang', en: 'reused document' },
  'jkk.report_late': { id: 'ketepatan waktu laporan KK1', en: 'KK1 report on time' },
  'receipt.date_before_incident': { id: 'tanggal kuitansi', en: 'receipt date' },
  'npwp.required': { id: 'kewajiban NPWP', en: 'NPWP requirement' },
};

/** Message for a flag that could not be judged because a value is missing. */
export function missingMessage(rule: RuleId, what: string, whatEn: string): { id: string; en: string } {
  return {
    id: `Pemeriksaan ${RULE_TITLES[rule].id} belum dapat dilakukan: ${what} tidak tersedia.`,
    en: `The ${RULE_TITLES[rule].en} check could not run: ${whatEn} is missing.`,
  };
}

export function message(rule: RuleId, params: Params): { id: string; en: string } {
  const t = T[rule];
  return { id: t.id(params), en: t.en(params) };
}

/** Document names for messages. */
export const DOC_NAMES: Record<string, { id: string; en: string }> = {
  ktp: { id: 'e-KTP', en: 'e-KTP' },
  kk: { id: 'Kartu Keluarga', en: 'family card (KK)' },
  kartu_peserta: { id: 'kartu peserta', en: 'participant card' },
  buku_tabungan: { id: 'buku tabungan', en: 'passbook' },
  akta_kematian: { id: 'akta kematian', en: 'death certificate' },
  surat_kematian: { id: 'surat keterangan kematian', en: 'death statement' },
  surat_ahli_waris: { id: 'surat keterangan ahli waris', en: 'heir statement' },
  buku_nikah: { id: 'buku nikah', en: 'marriage book' },
  form_kk1: { id: 'formulir KK1', en: 'KK1 accident report' },
  form_kk2: { id: 'formulir KK2', en: 'KK2 accident report' },
  surat_dokter: { id: 'surat keterangan dokter', en: "doctor's certificate" },
  kuitansi: { id: 'kuitansi', en: 'receipt' },
  npwp: { id: 'kartu NPWP', en: 'NPWP card' },
  other: { id: 'dokumen lain', en: 'other document' },
};
