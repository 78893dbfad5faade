// The letter a participant (or heir) takes home: what the branch received, what is still missing or must
// be corrected and why, what to bring, where and by when. Its words come only from the requirement table,
// the case's flags and the branch's own details, through fixed sentences: the same situation always gives
// the same letter, and no rule id or internal check reaches a member of the public.
import type { ClaimType, ChecklistEntry, Flag } from '../domain/claims';
import type { RequirementTable } from '../requirements/schema';
import { DOC_NAMES } from '../rules/messages';

export type LetterLanguage = 'id' | 'en';

export interface BranchDetails {
  name: string;
  address: string;
  phone: string;
  hours: string;
}

export interface LetterInput {
  lang: LetterLanguage;
  reference: string;
  claimType: ClaimType;
  /** The person the letter is for (the participant, or the heir in a death claim). */
  addressee: string | null;
  /** yyyy-mm-dd */
  date: string;
  /** yyyy-mm-dd: bring the missing items by this day. */
  bringBy: string;
  checklist: readonly ChecklistEntry[];
  flags: readonly Pick<Flag, 'rule' | 'severity' | 'evidence'>[];
  requirements: RequirementTable;
  branch: BranchDetails;
}

export interface LetterItem {
  text: string;
}

export interface Letter {
  title: string;
  /** Lines of the letter head (branch), then the addressee block. */
  head: string[];
  opening: string;
  received: LetterItem[];
  missing: LetterItem[];
  corrections: LetterItem[];
  /** Where and by when, and how to ask. */
  closing: string[];
  /** Every line of the letter in order, as it is printed. */
  lines: string[];
}

const dmy = (iso: string): string => iso.split('-').reverse().join('-');

const WORDS = {
  id: {
    title: 'Surat keterangan kelengkapan berkas klaim',
    to: (n: string | null) => `Kepada Yth. ${n ?? 'Peserta / Ahli Waris'}`,
    caseLine: (ref: string, label: string, date: string) => `Nomor kasus: ${ref} · Program: ${label} · Tanggal: ${date}`,
    opening: 'Terima kasih telah mengajukan klaim. Berikut keadaan berkas Anda hari ini.',
    received: 'Dokumen yang sudah kami terima:',
    none: 'Belum ada dokumen yang kami terima.',
    missing: 'Dokumen yang masih kurang (mohon dibawa):',
    corrections: 'Yang perlu diperbaiki atau dijelaskan:',
    nothingMissing: 'Tidak ada dokumen yang kurang.',
    form: { original: 'asli', original_surrendered: 'asli, diserahkan', copy_original_shown: 'fotokopi, dengan menunjukkan aslinya', copy: 'fotokopi' },
    bring: (where: string, by: string) => `Mohon bawa dokumen di atas ke ${where} paling lambat ${by}.`,
    hours: (h: string) => `Jam layanan: ${h}.`,
    ask: (phone: string) => `Bila ada pertanyaan, hubungi ${phone} dan sebutkan nomor kasus di atas.`,
    unset: '(belum diisi di Pengaturan)',
  },
  en: {
    title: 'Claim documents: what we have and what is still needed',
    to: (n: string | null) => `To: ${n ?? 'the participant or heir'}`,
    caseLine: (ref: string, label: string, date: string) => `Case number: ${ref} · Programme: ${label} · Date: ${date}`,
    opening: 'Thank you for your claim. This is where your documents stand today.',
    received: 'Documents we have received:',
    none: 'We have not received any documents yet.',
    missing: 'Documents still missing (please bring them):',
    corrections: 'What needs correcting or explaining:',
    nothingMissing: 'No document is missing.',
    form: { original: 'original', original_surrendered: 'original, handed in', copy_original_shown: 'photocopy, showing the original', copy: 'photocopy' },
    bring: (where: string, by: string) => `Please bring the documents above to ${where} by ${by}.`,
    hours: (h: string) => `Opening hours: ${h}.`,
    ask: (phone: string) => `For questions, call ${phone} and give the case number above.`,
    unset: '(not yet set in Settings)',
  },
} as const;

type Evidence = Flag['evidence'];
const docName = (e: Evidence, lang: LetterLanguage): string => {
  const t = e.document?.documentType;
  return t ? (DOC_NAMES[t]?.[lang] ?? t) : lang === 'id' ? 'dokumen' : 'a document';
};

/** What a member of the public is told about a flag; null for checks that are the branch's own business. */
const PUBLIC: Partial<Record<Flag['rule'], Record<LetterLanguage, (e: Evidence) => string>>> = {
  'identity.nik_mismatch': {
    id: (e) => `NIK pada ${docName(e, 'id')} berbeda dengan data kepesertaan. Bawa e-KTP dan Kartu Keluarga asli.`,
    en: (e) => `The NIK on the ${docName(e, 'en')} differs from the membership record. Bring the original e-KTP and family card.`,
  },
  'identity.name_mismatch': {
    id: (e) => `Nama pada ${docName(e, 'id')} berbeda dengan data kepesertaan. Bawa e-KTP asli; bila nama pernah berubah, bawa surat keterangan beda nama.`,
    en: (e) =>
      `The name on the ${docName(e, 'en')} differs from the membership record. Bring the original e-KTP; if the name has changed, bring a name-difference statement.`,
  },
  'identity.dob_mismatch': {
    id: (e) => `Tanggal lahir pada ${docName(e, 'id')} berbeda dengan data kepesertaan. Bawa e-KTP dan Kartu Keluarga asli.`,
    en: (e) => `The birth date on the ${docName(e, 'en')} differs from the membership record. Bring the original e-KTP and family card.`,
  },
  'identity.nik_dob_inconsistent': {
    id: (e) => `NIK pada ${docName(e, 'id')} tidak sesuai dengan tanggal lahir atau jenis kelamin yang tercetak. Bawa e-KTP asli.`,
    en: (e) => `The NIK on the ${docName(e, 'en')} does not agree with the printed birth date or sex. Bring the original e-KTP.`,
  },
  'identity.kpj_mismatch': {
    id: () => 'Nomor kartu peserta (KPJ) pada berkas berbeda dengan nomor klaim. Bawa kartu peserta BPJS Ketenagakerjaan asli.',
    en: () => 'The participant card (KPJ) number on the documents differs from the claim. Bring the original BPJS Ketenagakerjaan card.',
  },
  'bank.holder_name_mismatch': {
    id: () => 'Nama pemilik buku tabungan bukan nama peserta atau ahli waris. Bawa buku tabungan atas nama peserta atau ahli waris.',
    en: () => "The passbook is not in the participant's or an heir's name. Bring a passbook in the participant's or heir's name.",
  },
  'documents.low_quality': {
    id: (e) => `Salinan ${docName(e, 'id')} kurang jelas terbaca. Bawa dokumen asli atau salinan yang jelas.`,
    en: (e) => `The copy of the ${docName(e, 'en')} is hard to read. Bring the original or a clear copy.`,
  },
  'jkk.report_late': {
    id: () => 'Laporan kecelakaan tahap I dibuat lebih dari 2×24 jam setelah kecelakaan. Pemberi kerja perlu melampirkan penjelasan keterlambatan.',
    en: () => 'The stage-I accident report was made more than 2×24 hours after the accident. The employer must attach an explanation of the delay.',
  },
  'receipt.date_before_incident': {
    id: () => 'Ada kuitansi pengobatan bertanggal sebelum kecelakaan. Bawa kuitansi yang sesuai dengan pengobatan akibat kecelakaan.',
    en: () => 'A treatment receipt is dated before the accident. Bring the receipts for the treatment of the accident.',
  },
  'npwp.required': {
    id: () => 'Manfaat di atas Rp50.000.000 memerlukan NPWP. Bawa kartu NPWP.',
    en: () => 'A benefit above Rp50,000,000 needs an NPWP. Bring the NPWP card.',
  },
};

/** The letter's content, in its language; deterministic for the same input. */
export function composeLetter(input: LetterInput): Letter {
  const w = WORDS[input.lang];
  const table = input.requirements.claimTypes[input.claimType];
  const items = new Map((table?.items ?? []).map((i) => [i.id, i]));
  const label = table?.label[input.lang] ?? input.claimType;
  const received = input.checklist.filter((c) => c.present).map((c) => ({ text: DOC_NAMES[c.type]?.[input.lang] ?? c.type }));
  const missing = input.flags
    .filter((f) => f.rule === 'documents.missing_required' && f.severity !== 'info')
    .map((f) => {
      const item = items.get(String(f.evidence.details?.item ?? ''));
      return item ? { text: `${item.label[input.lang]} (${w.form[item.form]})` } : null;
    })
    .filter((x): x is LetterItem => x !== null);
  const seen = new Set<string>();
  const corrections = input.flags
    .filter((f) => f.severity !== 'info')
    .map((f) => PUBLIC[f.rule]?.[input.lang](f.evidence) ?? null)
    // One sentence once, however many documents it concerns.
    .filter((t): t is string => t !== null && !seen.has(t) && !!seen.add(t))
    .map((text) => ({ text }));
  const branch = input.branch;
  const or = (v: string): string => v.trim() || w.unset;
  const head = [or(branch.name), or(branch.address), '', w.to(input.addressee), w.caseLine(input.reference, label, dmy(input.date))];
  const closing = [w.bring(`${or(branch.name)}, ${or(branch.address)}`, dmy(input.bringBy)), w.hours(or(branch.hours)), w.ask(or(branch.phone))];
  const list = (title: string, xs: LetterItem[], empty: string | null): string[] =>
    xs.length ? [title, ...xs.map((x, i) => `${i + 1}. ${x.text}`)] : empty ? [empty] : [];
  const lines = [
    w.title,
    ...head,
    '',
    w.opening,
    '',
    ...list(w.received, received, w.none),
    '',
    ...list(w.missing, missing, w.nothingMissing),
    ...(corrections.length ? ['', ...list(w.corrections, corrections, null)] : []),
    '',
    ...closing,
  ];
  return { title: w.title, head, opening: w.opening, received, missing, corrections, closing, lines };
}
