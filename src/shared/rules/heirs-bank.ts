// Heirs and payout: heirs named in the heir statement appear on a KK with a compatible relationship, and
// the passbook belongs to the participant or (in a death claim) to an heir.
import type { ListEntry } from '../domain/documents';
import type { RuleContext } from './context';
import { heirs, isDeathCase, isParticipantMember, reference } from './subject';

const SPOUSE_OR_HEAD = new Set(['kepala_keluarga', 'istri', 'suami']);

/** The heir statement states relationship to the deceased; the KK states it to the head of family. */
function compatible(stated: string, onKk: string, deceasedOnKk: string | null): boolean {
  if (stated === onKk) return true;
  if ((stated === 'istri' || stated === 'suami') && SPOUSE_OR_HEAD.has(onKk)) return true;
  if (stated === 'anak' && onKk === 'anak') return true;
  // When the deceased was not the head, the head's children and parents keep their relationship labels.
  return deceasedOnKk !== null && deceasedOnKk !== 'kepala_keluarga' && stated === 'orang_tua' && onKk === 'kepala_keluarga';
}

export function heirRules(ctx: RuleContext): void {
  const statements = ctx.docs('surat_ahli_waris');
  const kks = ctx.docs('kk');
  if (statements.length === 0 || kks.length === 0) return;
  const ref = reference(ctx);
  const members: { m: ListEntry; kk: (typeof kks)[number]; deceasedRel: string | null }[] = [];
  for (const kk of kks) {
    const list = ctx.list(kk, 'anggota');
    const deceased = list.find((m) => isParticipantMember(ctx, m, ref));
    for (const m of list) members.push({ m, kk, deceasedRel: deceased?.hubungan ?? null });
  }
  if (members.length === 0) return;
  for (const doc of statements) {
    for (const h of ctx.list(doc, 'ahli_waris')) {
      if (!h.nama) continue;
      const found = members.find((x) => h.nik && x.m.nik === h.nik) ?? members.find((x) => x.m.nama && ctx.names(h.nama!, x.m.nama).match);
      if (!found) {
        ctx.fire('identity.name_mismatch', {
          doc,
          field: 'ahli_waris',
          docValue: h,
          severity: 'warning',
          params: { docValue: h.nama, recordValue: '-', score: 0, against: 'anggota Kartu Keluarga', againstEn: 'any family-card member' },
          details: { check: 'heir_on_kk' },
        });
        continue;
      }
      if (h.nik && found.m.nik && h.nik !== found.m.nik) {
        ctx.fire('identity.nik_mismatch', {
          doc,
          field: 'ahli_waris',
          docValue: h,
          severity: 'warning',
          params: {
            doc: `surat ahli waris (ahli waris ${h.nama})`,
            docEn: `heir statement (heir ${h.nama})`,
            docValue: h.nik,
            recordValue: found.m.nik,
            against: 'Kartu Keluarga',
            againstEn: 'the family card',
          },
          record: { field: 'kk.anggota.nik', value: found.m.nik },
          details: { check: 'heir_nik_on_kk' },
        });
      }
      if (h.hubungan && found.m.hubungan && !compatible(h.hubungan, found.m.hubungan, found.deceasedRel)) {
        ctx.fire('identity.name_mismatch', {
          doc,
          field: 'ahli_waris',
          docValue: h,
          severity: 'warning',
          params: {
            docValue: `${h.nama} (${h.hubungan})`,
            recordValue: `${found.m.nama ?? ''} (${found.m.hubungan})`,
            score: 1,
            against: 'hubungan pada KK',
            againstEn: 'the relationship on the KK',
          },
          record: { field: 'kk.anggota.hubungan', value: found.m.hubungan },
          details: { check: 'heir_relationship' },
        });
      }
    }
  }
}

export function bankRule(ctx: RuleContext): void {
  const books = ctx.docs('buku_tabungan');
  if (books.length === 0) return;
  const ref = reference(ctx);
  const death = isDeathCase(ctx);
  const candidates = [ref?.nama, ctx.input.participant?.nama_pemilik_rekening].filter((n): n is string => !!n);
  const heirNames = death ? heirs(ctx, ref).map((h) => h.nama) : [];
  for (const doc of books) {
    const holder = ctx.str(doc, 'nama_pemilik');
    if (!holder) {
      ctx.missing('bank.holder_name_mismatch', ['nama_pemilik'], 'nama pemilik rekening', "the account holder's name");
      continue;
    }
    if (candidates.length === 0 && heirNames.length === 0) {
      ctx.missing('bank.holder_name_mismatch', ['participant'], 'nama peserta', "the participant's name");
      continue;
    }
    const all = [...candidates, ...heirNames];
    const scored = all.map((n) => ({ n, m: ctx.names(holder, n) }));
    if (scored.some((s) => s.m.match)) continue;
    const best = scored.sort((a, b) => b.m.score - a.m.score)[0];
    ctx.fire('bank.holder_name_mismatch', {
      doc,
      field: 'nama_pemilik',
      params: { docValue: holder, death: death ? 1 : '' },
      record: { field: 'nama', value: ref?.nama ?? null },
      details: { bestCandidate: best?.n ?? null, score: best?.m.score ?? 0, heirsConsidered: heirNames },
    });
  }
}
