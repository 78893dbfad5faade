// Claim rules: filed within the configured deadline, no second open or paid claim of the same type,
// the stage-I accident report within its window, receipts not older than the accident, and an NPWP when
// the benefit exceeds the threshold.
import type { RuleContext } from './context';
import { benefitAmount } from './documents';
import { daysBetween, parseIsoDate, plusYears, iso } from './dates';
import { incidentOf } from './membership';

const DEADLINE_PARAM = {
  JKK: 'jkkClaimDeadlineYears',
  JKM: 'jkmClaimDeadlineYears',
  JHT: 'jhtClaimDeadlineYears',
  BEASISWA: 'beasiswaClaimDeadlineYears',
} as const;

export function deadlineRule(ctx: RuleContext): void {
  const years = ctx.param(DEADLINE_PARAM[ctx.input.claimType]);
  if (years === null) return;
  const incident = incidentOf(ctx);
  const filed = parseIsoDate(ctx.input.filedDate);
  if (!incident || !filed) {
    ctx.missing('claim.deadline_exceeded', [incident ? 'filed_date' : 'incident_date'], 'tanggal kejadian', 'the incident date');
    return;
  }
  const limit = plusYears(parseIsoDate(incident.date)!, years);
  if (filed <= limit) return;
  ctx.fire('claim.deadline_exceeded', {
    params: { filed: ctx.input.filedDate, years, date: incident.date },
    details: { limit: iso(limit), years, source: ctx.config.params[DEADLINE_PARAM[ctx.input.claimType]].source },
  });
}

/**
 * Rejected claims do not count; drafts, claims in review, returned and approved (paid) ones do, a draft
 * holding the very same files too: a second case opened on one dossier is a second claim (the contract's
 * "another open claim"); checking one case again never meets itself.
 */
export function duplicateRule(ctx: RuleContext): void {
  for (const c of ctx.input.otherClaims ?? []) {
    if (c.claimType !== ctx.input.claimType || c.status === 'rejected') continue;
    ctx.fire('claim.duplicate', {
      params: { type: c.claimType, reference: c.reference, status: c.status },
      details: { caseId: c.caseId, reference: c.reference, status: c.status, kpj: c.kpj },
    });
  }
}

export function reportLateRule(ctx: RuleContext): void {
  const forms = ctx.docs('form_kk1');
  if (forms.length === 0) return;
  const windowHours = ctx.param('accidentReportWindowHours');
  // With several "KK1" documents (a stage-II form read as stage I, a copy), the stage-I report is the
  // earliest one: judging a later report would call a timely report late.
  const dated = forms
    .map((doc) => ({ doc, report: ctx.str(doc, 'tanggal_laporan') }))
    .filter((x) => parseIsoDate(x.report))
    .sort((a, b) => (a.report! < b.report! ? -1 : 1));
  const first = dated[0];
  if (!first) {
    ctx.missing('jkk.report_late', ['tanggal_laporan'], 'tanggal laporan KK1', 'the KK1 report date');
    return;
  }
  const { doc, report } = first;
  const accident = ctx.str(doc, 'tanggal_kecelakaan') ?? incidentOf(ctx)?.date ?? null;
  const a = parseIsoDate(accident);
  const r = parseIsoDate(report)!;
  if (!a) {
    ctx.missing('jkk.report_late', ['tanggal_kecelakaan'], 'tanggal kecelakaan', 'the accident date');
    return;
  }
  // The report carries a date only: it is late when even its first minute is past the window.
  const time = /^(\d{2}):(\d{2})$/.exec(ctx.str(doc, 'jam_kecelakaan') ?? '');
  const accidentMs = a.getTime() + (time ? (Number(time[1]) * 60 + Number(time[2])) * 60_000 : 0);
  if (r.getTime() <= accidentMs + windowHours * 3_600_000) return;
  ctx.fire('jkk.report_late', {
    doc,
    field: 'tanggal_laporan',
    params: { report: report!, hours: windowHours, date: accident! },
    details: { accidentDate: accident, reportDate: report, daysAfter: daysBetween(a, r), windowHours },
  });
}

export function receiptRule(ctx: RuleContext): void {
  const receipts = ctx.docs('kuitansi');
  if (receipts.length === 0) return;
  const incident = incidentOf(ctx);
  if (!incident) {
    ctx.missing('receipt.date_before_incident', ['incident_date'], 'tanggal kecelakaan', 'the accident date');
    return;
  }
  for (const doc of receipts) {
    const d = ctx.str(doc, 'tanggal');
    if (!parseIsoDate(d)) {
      ctx.missing('receipt.date_before_incident', ['kuitansi.tanggal'], 'tanggal kuitansi', 'the receipt date');
      continue;
    }
    if (d! >= incident.date) continue;
    ctx.fire('receipt.date_before_incident', { doc, field: 'tanggal', params: { receipt: d!, date: incident.date }, details: { incidentDate: incident.date } });
  }
}

export function npwpRule(ctx: RuleContext): void {
  const amount = benefitAmount(ctx);
  const threshold = ctx.param('npwpThresholdRupiah');
  if (amount === null) {
    if (!ctx.has('npwp')) ctx.missing('npwp.required', ['benefit_amount'], 'jumlah manfaat', 'the benefit amount');
    return;
  }
  if (amount <= threshold || ctx.has('npwp')) return;
  const fmt = (n: number): string => n.toLocaleString('id-ID');
  ctx.fire('npwp.required', { params: { amount: fmt(amount), threshold: fmt(threshold) }, details: { amount, threshold } });
}
