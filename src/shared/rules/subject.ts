// Whose document is whose: the participant's identity to compare against (the record, or the
// participant's own KTP when no record was found), the heirs named in the dossier, and which KTPs belong
// to the participant rather than to an heir in a death claim.
import type { ListEntry } from '../domain/documents';
import type { RuleContext } from './context';
import type { CaseDocumentInput } from './input';

export interface Reference {
  source: 'record' | 'document';
  nik: string | null;
  nama: string | null;
  tanggal_lahir: string | null;
  jenis_kelamin: string | null;
  kpj: string | null;
}

export interface Heir {
  nama: string;
  nik: string | null;
  hubungan: string | null;
  from: 'surat_ahli_waris' | 'kk' | 'buku_nikah';
}

export function isDeathCase(ctx: RuleContext): boolean {
  const stated = ctx.input.facts?.death;
  if (stated !== undefined && stated !== null) return stated;
  if (ctx.input.claimType === 'JKM') return true;
  if (ctx.has('akta_kematian') || ctx.has('surat_kematian') || ctx.has('surat_ahli_waris')) return true;
  return ctx.docs('form_kk2', 'surat_dokter').some((d) => ctx.str(d, 'kondisi_akhir') === 'meninggal');
}

export function reference(ctx: RuleContext): Reference | null {
  const p = ctx.input.participant;
  if (p) {
    return { source: 'record', nik: p.nik, nama: p.nama, tanggal_lahir: p.tanggal_lahir, jenis_kelamin: p.jenis_kelamin, kpj: p.nomor_kpj };
  }
  const card = ctx.docs('kartu_peserta')[0];
  const ktp = ctx.docs('ktp')[0];
  if (!card && !ktp) return null;
  const pick = (k: string): string | null => (ktp ? ctx.str(ktp, k) : null) ?? (card ? ctx.str(card, k) : null);
  return {
    source: 'document',
    nik: pick('nik'),
    nama: pick('nama'),
    tanggal_lahir: pick('tanggal_lahir'),
    jenis_kelamin: ktp ? ctx.str(ktp, 'jenis_kelamin') : null,
    kpj: card ? ctx.str(card, 'nomor_kpj') : null,
  };
}

export function heirs(ctx: RuleContext, ref: Reference | null): Heir[] {
  const out: Heir[] = [];
  for (const d of ctx.docs('surat_ahli_waris')) {
    for (const h of ctx.list(d, 'ahli_waris')) {
      if (h.nama) out.push({ nama: h.nama, nik: h.nik ?? null, hubungan: h.hubungan ?? null, from: 'surat_ahli_waris' });
    }
  }
  for (const d of ctx.docs('kk')) {
    for (const m of ctx.list(d, 'anggota')) {
      if (!m.nama || isParticipantMember(ctx, m, ref)) continue;
      out.push({ nama: m.nama, nik: m.nik ?? null, hubungan: m.hubungan ?? null, from: 'kk' });
    }
  }
  for (const d of ctx.docs('buku_nikah')) {
    for (const k of ['nama_suami', 'nama_istri']) {
      const n = ctx.str(d, k);
      if (n && !(ref?.nama && ctx.names(n, ref.nama).match))
        out.push({ nama: n, nik: null, hubungan: k === 'nama_suami' ? 'suami' : 'istri', from: 'buku_nikah' });
    }
  }
  return out;
}

export function isParticipantMember(ctx: RuleContext, m: ListEntry, ref: Reference | null): boolean {
  if (!ref) return false;
  if (ref.nik && m.nik === ref.nik) return true;
  return !!(ref.nama && m.nama && ctx.names(m.nama, ref.nama).match && (!m.nik || !ref.nik || !m.tanggal_lahir || m.tanggal_lahir === ref.tanggal_lahir));
}

/**
 * A dossier holds other people's KTPs too: the heirs' in a death claim, the witnesses' of an accident.
 * A KTP is the participant's when its NIK, name or birth date agrees with the participant, and then
 * only those are judged. When no KTP agrees at all, all are taken for the participant's (and judged),
 * except, in a death claim, those of a known heir, so an unlisted heir's KTP never blocks a claim.
 */
export function participantKtps(ctx: RuleContext, ref: Reference | null, death: boolean, known: Heir[]): CaseDocumentInput[] {
  const ktps = ctx.docs('ktp');
  if (!ref) return ktps;
  const agrees = ktps.filter((d) => {
    const nik = ctx.str(d, 'nik');
    const nama = ctx.str(d, 'nama');
    const dob = ctx.str(d, 'tanggal_lahir');
    return (nik && nik === ref.nik) || (dob && dob === ref.tanggal_lahir) || (nama && ref.nama && ctx.names(nama, ref.nama).match);
  });
  if (agrees.length > 0) return agrees;
  if (!death) return ktps;
  return ktps.filter((d) => {
    const nik = ctx.str(d, 'nik');
    const nama = ctx.str(d, 'nama');
    return !known.some((h) => (nik && h.nik === nik) || (nama && ctx.names(nama, h.nama).match));
  });
}
