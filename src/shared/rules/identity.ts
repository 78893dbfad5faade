// Identity rules: every document's NIK, name, birth date and KPJ of the participant agree with the
// record (or, with no record, with the participant's KTP), and every NIK agrees with the birth date and
// gender printed beside it. Static elements (NIK, birth date) block; a name below the threshold blocks
// unless the same document carries the record's NIK, which outweighs a spelling difference.
import type { DocumentType } from '../domain/documents';
import type { RuleContext } from './context';
import type { CaseDocumentInput } from './input';
import { describeNik, nikDisagreements } from './nik';
import { heirs, isDeathCase, isParticipantMember, participantKtps, reference, type Reference } from './subject';

/** Field keys naming the participant on each document type. */
const NIK_FIELD: Partial<Record<DocumentType, string>> = {
  ktp: 'nik',
  kartu_peserta: 'nik',
  akta_kematian: 'nik',
  surat_kematian: 'nik',
  surat_ahli_waris: 'nik_almarhum',
  form_kk1: 'nik',
  npwp: 'nik',
};
const NAME_FIELD: Partial<Record<DocumentType, string>> = {
  ktp: 'nama',
  kartu_peserta: 'nama',
  akta_kematian: 'nama',
  surat_kematian: 'nama',
  surat_ahli_waris: 'nama_almarhum',
  form_kk1: 'nama',
  form_kk2: 'nama',
  surat_dokter: 'nama',
  kuitansi: 'nama_pasien',
  npwp: 'nama',
};
const DOB_FIELD: Partial<Record<DocumentType, string>> = { ktp: 'tanggal_lahir', kartu_peserta: 'tanggal_lahir' };
const KPJ_FIELD: Partial<Record<DocumentType, string>> = { kartu_peserta: 'nomor_kpj', form_kk1: 'nomor_kpj', form_kk2: 'nomor_kpj' };

export function participantDocuments(ctx: RuleContext, ref: Reference | null): CaseDocumentInput[] {
  const death = isDeathCase(ctx);
  const ktps = new Set(participantKtps(ctx, ref, death, heirs(ctx, ref)));
  return ctx.input.documents.filter((d) => {
    if (d.document.type === 'ktp') return ktps.has(d);
    // In a death claim the NPWP is the heir's (the payee's), not the deceased's.
    if (d.document.type === 'npwp') return !death;
    return d.document.type in NAME_FIELD;
  });
}

export function identityRules(ctx: RuleContext): void {
  const ref = reference(ctx);
  if (!ref) {
    ctx.missing('identity.nik_mismatch', ['participant'], 'data peserta dan KTP/kartu peserta', 'the participant record and any KTP or participant card');
    return;
  }
  const fromRecord = ref.source === 'record';
  const soft = fromRecord ? undefined : ('warning' as const);
  const docs = participantDocuments(ctx, ref);
  const seen = { nik: false, nama: false, dob: false, kpj: false };
  const recordOf = (field: string, value: string | null) => ({ field, value });

  for (const doc of docs) {
    const t = doc.document.type;
    const nikKey = NIK_FIELD[t];
    const docNik = nikKey ? ctx.str(doc, nikKey) : null;
    if (nikKey && docNik) {
      seen.nik = true;
      if (fromRecord) ctx.compare(doc, nikKey, docNik, recordOf('nik', ref.nik), docNik === ref.nik);
      if (ref.nik && docNik !== ref.nik) {
        ctx.fire('identity.nik_mismatch', {
          doc,
          field: nikKey,
          severity: soft,
          params: { docValue: docNik, recordValue: ref.nik },
          record: recordOf('nik', ref.nik),
        });
      }
    }
    const nameKey = NAME_FIELD[t];
    const docName = nameKey ? ctx.str(doc, nameKey) : null;
    if (nameKey && docName && ref.nama) {
      seen.nama = true;
      const m = ctx.names(docName, ref.nama);
      if (fromRecord) ctx.compare(doc, nameKey, docName, recordOf('nama', ref.nama), m.match);
      if (!m.match) {
        const nikAgrees = docNik !== null && docNik === ref.nik;
        ctx.fire('identity.name_mismatch', {
          doc,
          field: nameKey,
          severity: nikAgrees || !fromRecord ? 'warning' : undefined,
          params: { docValue: docName, recordValue: ref.nama, score: m.score, against: 'data peserta', againstEn: 'the participant record' },
          record: recordOf('nama', ref.nama),
          details: { score: m.score, reason: m.reason, notes: m.notes, differences: m.differences, nikAgrees },
        });
      }
    }
    const dobKey = DOB_FIELD[t];
    const docDob = dobKey ? ctx.str(doc, dobKey) : null;
    if (dobKey && docDob) {
      seen.dob = true;
      if (fromRecord) ctx.compare(doc, dobKey, docDob, recordOf('tanggal_lahir', ref.tanggal_lahir), docDob === ref.tanggal_lahir);
      if (ref.tanggal_lahir && docDob !== ref.tanggal_lahir) {
        ctx.fire('identity.dob_mismatch', {
          doc,
          field: dobKey,
          severity: soft,
          params: { docValue: docDob, recordValue: ref.tanggal_lahir },
          record: recordOf('tanggal_lahir', ref.tanggal_lahir),
        });
      }
    }
    const kpjKey = KPJ_FIELD[t];
    const docKpj = kpjKey ? ctx.str(doc, kpjKey) : null;
    if (kpjKey && docKpj) {
      seen.kpj = true;
      if (fromRecord) ctx.compare(doc, kpjKey, docKpj, recordOf('nomor_kpj', ref.kpj), docKpj === ref.kpj);
      if (ref.kpj && docKpj !== ref.kpj) {
        // One person may hold several KPJ numbers (one per employer); another of theirs is only noted.
        const own = (ctx.input.memberships ?? []).includes(docKpj);
        ctx.fire('identity.kpj_mismatch', {
          doc,
          field: kpjKey,
          severity: own ? 'info' : soft,
          params: { docValue: docKpj, recordValue: ref.kpj },
          record: recordOf('nomor_kpj', ref.kpj),
          details: { otherMembershipOfSamePerson: own },
        });
      }
    }
    nikDobRule(ctx, doc, docNik, docDob, t === 'ktp' ? ctx.str(doc, 'jenis_kelamin') : null);
  }
  kkRules(ctx, ref, seen);
  marriageRule(ctx, ref);
  if (!seen.dob) recordNikRule(ctx);

  if (!seen.nik) ctx.missing('identity.nik_mismatch', ['nik'], 'NIK pada dokumen', 'a NIK on any document');
  if (!seen.nama) ctx.missing('identity.name_mismatch', ['nama'], 'nama pada dokumen', 'a name on any document');
  if (!seen.dob) ctx.missing('identity.dob_mismatch', ['tanggal_lahir'], 'tanggal lahir pada dokumen', 'a birth date on any document');
  if (!seen.kpj) ctx.missing('identity.kpj_mismatch', ['nomor_kpj'], 'nomor KPJ pada dokumen', 'a KPJ number on any document');
}

export function nikDobRule(
  ctx: RuleContext,
  doc: CaseDocumentInput | null,
  nik: string | null,
  dob: string | null,
  gender: string | null,
  member?: Record<string, string>,
): void {
  if (!nik || (!dob && !gender)) return;
  const bad = nikDisagreements(nik, dob, gender);
  if (!bad || bad.length === 0) return;
  const enc = describeNik(nik);
  const printed = [dob, gender].filter(Boolean).join(', ');
  ctx.fire('identity.nik_dob_inconsistent', {
    ...(doc ? { doc, field: member ? 'anggota' : 'nik' } : {}),
    ...(member ? { docValue: member } : {}),
    params: { nik, encoded: enc.id, encodedEn: enc.en, printed, printedEn: printed },
    details: { disagrees: bad, ...(doc ? {} : { source: 'record' }) },
  });
}

/**
 * The record itself: its NIK must agree with its own birth date and gender. Judged only when no document
 * gave a birth date: one that did either agrees with the record (and is judged against its own NIK) or
 * differs from it (a birth-date mismatch), so a second flag would only repeat it.
 */
function recordNikRule(ctx: RuleContext): void {
  const p = ctx.input.participant;
  if (!p) return;
  const bad = nikDisagreements(p.nik, p.tanggal_lahir, p.jenis_kelamin);
  if (!bad || bad.length === 0) return;
  const enc = describeNik(p.nik);
  const printed = `${p.tanggal_lahir}, ${p.jenis_kelamin}`;
  ctx.fire('identity.nik_dob_inconsistent', {
    params: {
      nik: p.nik,
      doc: 'data peserta',
      docEn: 'participant record',
      docType: 'record',
      encoded: enc.id,
      encodedEn: enc.en,
      printed,
      printedEn: printed,
    },
    record: { field: 'nik', value: p.nik },
    details: { disagrees: bad, source: 'record' },
  });
}

/** KK: the participant is a member with the same NIK, name and birth date; every member's NIK is consistent. */
function kkRules(ctx: RuleContext, ref: Reference, seen: { nik: boolean; dob: boolean }): void {
  const death = isDeathCase(ctx);
  for (const doc of ctx.docs('kk')) {
    const members = ctx.list(doc, 'anggota');
    for (const m of members) nikDobRule(ctx, doc, m.nik ?? null, m.tanggal_lahir ?? null, m.jenis_kelamin ?? null, m);
    if (members.length === 0) continue;
    const byNik = members.find((m) => ref.nik && m.nik === ref.nik);
    const member = byNik ?? members.find((m) => isParticipantMember(ctx, m, ref));
    if (!member) {
      // The heirs' own KK need not list the deceased; elsewhere the participant should be on it.
      if (!death)
        ctx.fire('identity.nik_mismatch', {
          doc,
          field: 'anggota',
          severity: 'warning',
          params: { docValue: '-', recordValue: ref.nik ?? '-' },
          details: { check: 'participant_not_on_kk' },
        });
      continue;
    }
    if (member.nik) {
      seen.nik = true;
      if (ref.nik && member.nik !== ref.nik)
        ctx.fire('identity.nik_mismatch', {
          doc,
          field: 'anggota',
          docValue: member,
          params: { docValue: member.nik, recordValue: ref.nik },
          record: { field: 'nik', value: ref.nik },
        });
    }
    if (byNik && member.nama && ref.nama) {
      const m = ctx.names(member.nama, ref.nama);
      if (!m.match)
        ctx.fire('identity.name_mismatch', {
          doc,
          field: 'anggota',
          docValue: member,
          severity: 'warning',
          params: { docValue: member.nama, recordValue: ref.nama, score: m.score, against: 'data peserta', againstEn: 'the participant record' },
          record: { field: 'nama', value: ref.nama },
          details: { score: m.score, reason: m.reason, notes: m.notes, differences: m.differences, nikAgrees: true },
        });
    }
    if (member.tanggal_lahir) {
      seen.dob = true;
      if (ref.tanggal_lahir && member.tanggal_lahir !== ref.tanggal_lahir)
        ctx.fire('identity.dob_mismatch', {
          doc,
          field: 'anggota',
          docValue: member,
          params: { docValue: member.tanggal_lahir, recordValue: ref.tanggal_lahir },
          record: { field: 'tanggal_lahir', value: ref.tanggal_lahir },
        });
    }
  }
}

/** A marriage book in the dossier must name the participant as husband or wife. */
function marriageRule(ctx: RuleContext, ref: Reference): void {
  if (!ref.nama) return;
  for (const doc of ctx.docs('buku_nikah')) {
    const names = ['nama_suami', 'nama_istri'].map((k) => [k, ctx.str(doc, k)] as const).filter(([, v]) => v !== null) as [string, string][];
    if (names.length === 0) continue;
    const scores = names.map(([k, v]) => ({ k, v, m: ctx.names(v, ref.nama!) }));
    if (scores.some((s) => s.m.match)) continue;
    const best = scores.sort((a, b) => b.m.score - a.m.score)[0]!;
    ctx.fire('identity.name_mismatch', {
      doc,
      field: best.k,
      severity: 'warning',
      params: { docValue: best.v, recordValue: ref.nama, score: best.m.score, against: 'data peserta', againstEn: 'the participant record' },
      record: { field: 'nama', value: ref.nama },
      details: { score: best.m.score, reason: best.m.reason, notes: best.m.notes, differences: best.m.differences },
    });
  }
}
