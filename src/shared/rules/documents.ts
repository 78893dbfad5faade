// Document rules: the checklist of required documents (from the requirement table, with conditions
// decided by stated facts or by what the documents show) and pages too poor to trust.
import type { ChecklistEntry } from '../domain/claims';
import type { DocumentType } from '../domain/documents';
import { applicableItems, type ConditionFacts } from '../requirements/applicable';
import type { RuleContext } from './context';
import { heirs, isDeathCase, reference } from './subject';

/** Types a dossier may hold several of (heirs' KTPs, receipts, the heirs' own KK). */
const MANY = new Set<DocumentType>(['ktp', 'kk', 'kuitansi', 'other']);

const known = (v: boolean | null | undefined): boolean | null => (v === undefined ? null : v);

/** Benefit in rupiah: stated, else the fixed JKM amount from the configuration, else unknown. */
export function benefitAmount(ctx: RuleContext): number | null {
  const stated = ctx.input.facts?.benefitAmount;
  if (typeof stated === 'number') return stated;
  return ctx.input.claimType === 'JKM' ? ctx.param('jkmBenefitRupiah') : null;
}

export function conditionFacts(ctx: RuleContext): ConditionFacts {
  const f = ctx.input.facts ?? {};
  const heirList = ctx.docs('surat_ahli_waris').flatMap((d) => ctx.list(d, 'ahli_waris'));
  const heirIsSpouse = known(f.heirIsSpouse) ?? (heirList.length > 0 ? heirList.some((h) => h.hubungan === 'istri' || h.hubungan === 'suami') : null);
  const amount = benefitAmount(ctx);
  // A scholarship follows a death or a total disability: without a death document or a stated fact,
  // which one is open.
  const death = isDeathCase(ctx) ? true : ctx.input.claimType === 'BEASISWA' && (f.death === undefined || f.death === null) ? null : false;
  return {
    death,
    heirIsSpouse,
    trafficAccident: known(f.trafficAccident),
    // Receipts in the dossier mean reimbursement is being claimed.
    reimbursement: known(f.reimbursement) ?? (ctx.has('kuitansi') ? true : null),
    transportClaim: known(f.transportClaim),
    stmbClaim: known(f.stmbClaim),
    heirActsForOthers: known(f.heirActsForOthers) ?? (heirList.length === 1 ? false : null),
    benefitAboveNpwpThreshold: amount === null ? null : amount > ctx.param('npwpThresholdRupiah'),
  };
}

export function documentRules(ctx: RuleContext): ChecklistEntry[] {
  const facts = conditionFacts(ctx);
  const items = applicableItems(ctx.input.requirements, ctx.input.claimType, facts);
  const checklist = new Map<DocumentType, ChecklistEntry>();
  for (const { item, applies, fact } of items) {
    if (item.documentTypes.length === 0) continue; // not machine-recognisable: the officer ticks it
    const presentType = item.documentTypes.find((t) => ctx.has(t));
    const required = applies === 'required';
    for (const t of item.documentTypes) {
      // Of alternatives ("akta or surat kematian"), the one present, or else the first, carries the requirement.
      const carries = presentType ? t === presentType : t === item.documentTypes[0];
      const prev = checklist.get(t);
      checklist.set(t, { type: t, required: (prev?.required ?? false) || (required && carries), present: ctx.has(t) });
    }
    if (presentType) continue;
    // NPWP has its own rule id; the checklist still shows it.
    if (item.condition === 'benefit_above_npwp_threshold') continue;
    if (applies === 'required') {
      // With no heir named anywhere (an unmarried participant, no KK members), who will be the payee is
      // itself the open question: the officer resolves it, so this is not a blocker.
      const noHeirKnown = item.heirs === true && facts.death === true && heirs(ctx, reference(ctx)).length === 0;
      // A document whose type the reader was unsure of, or a second copy of a one-off document (a stage-II
      // form read as stage I), may be the missing one under another name.
      const uncertain = ctx.input.documents
        .filter(
          (d) => d.document.typeConfidence < ctx.param('minTypeConfidenceToBlock') || (!MANY.has(d.document.type) && ctx.docs(d.document.type).length > 1),
        )
        .map((d) => d.id);
      ctx.fire('documents.missing_required', {
        ...(noHeirKnown || uncertain.length > 0 ? { severity: 'warning' as const } : {}),
        params: { label: item.label.id, labelEn: item.label.en },
        details: {
          item: item.id,
          documentTypes: item.documentTypes,
          condition: item.condition,
          sources: item.sources,
          ...(noHeirKnown ? { noHeirKnown } : {}),
          ...(uncertain.length > 0 ? { uncertainDocuments: uncertain } : {}),
        },
      });
    } else if (applies === 'unknown' && fact) {
      ctx.missing(
        'documents.missing_required',
        [fact],
        `keterangan untuk syarat "${item.label.id}"`,
        `the fact deciding whether "${item.label.en}" is required`,
        { item: item.id, condition: item.condition },
      );
    }
  }
  for (const d of ctx.input.documents) {
    const t = d.document.type;
    if (t !== 'other' && !checklist.has(t)) checklist.set(t, { type: t, required: false, present: true });
  }
  return [...checklist.values()];
}

export function lowQualityRule(ctx: RuleContext): void {
  for (const p of ctx.input.poorPages ?? []) {
    const doc = p.documentId ? ctx.input.documents.find((d) => d.id === p.documentId) : undefined;
    ctx.fire('documents.low_quality', {
      ...(doc ? { doc } : {}),
      params: { page: p.page, file: p.fileName ?? '' },
      details: { page: p.page, score: p.score, reasons: p.reasons, fileName: p.fileName ?? null },
    });
    const last = ctx.flags[ctx.flags.length - 1]!;
    if (last.evidence.document) last.evidence.document.page = p.page;
  }
}
