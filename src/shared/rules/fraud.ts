// Fraud signals from the database context: the payout account on record for a different participant,
// and the same file in another participant's case. An heir's own account in a death claim is expected.
import type { RuleContext } from './context';
import { heirs, isDeathCase, reference } from './subject';

export function sharedAccountRule(ctx: RuleContext): void {
  const holders = ctx.input.accountHolders ?? [];
  if (holders.length === 0) return;
  const ref = reference(ctx);
  const known = isDeathCase(ctx) ? heirs(ctx, ref) : [];
  const book = ctx.docs('buku_tabungan')[0];
  for (const h of holders) {
    if (ref?.nik && h.nik === ref.nik) continue;
    const isHeir = known.some((k) => (k.nik && k.nik === h.nik) || ctx.names(k.nama, h.nama).match);
    ctx.fire('fraud.shared_bank_account', {
      ...(book ? { doc: book, field: 'nomor_rekening' } : {}),
      severity: isHeir ? 'info' : undefined,
      params: { account: h.account, other: h.nama, otherKpj: h.nomor_kpj },
      record: { field: 'nomor_rekening', value: h.account },
      details: { otherKpj: h.nomor_kpj, otherNik: h.nik, otherName: h.nama, otherIsHeir: isHeir },
    });
  }
}

export function documentReuseRule(ctx: RuleContext): void {
  const ownNik = ctx.input.participant?.nik ?? null;
  for (const r of ctx.input.reusedFiles ?? []) {
    if (ownNik && r.participantNik === ownNik) continue;
    const doc = ctx.input.documents.find((d) => d.fileSha256 === r.sha256);
    ctx.fire('fraud.document_reused', {
      ...(doc ? { doc } : {}),
      params: { file: r.fileName ?? r.sha256.slice(0, 12), reference: r.reference },
      details: { sha256: r.sha256, otherCaseId: r.caseId, otherReference: r.reference, otherKpj: r.participantKpj, otherNik: r.participantNik },
    });
  }
}
