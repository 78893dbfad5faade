// Membership rules: the incident (accident or death) falls inside active, paid-up membership, with the
// configured grace after the last paid month; and the claim's program is among the participant's.
import type { Program } from '../domain/participant';
import type { RuleContext } from './context';
import { coveredThrough, parseIsoDate } from './dates';
import { isDeathCase } from './subject';

export interface Incident {
  date: string;
  source: 'case' | 'akta_kematian' | 'surat_kematian' | 'form_kk1' | 'form_kk2';
}

/** The incident date: as entered on the case, else from the death or accident documents. */
export function incidentOf(ctx: RuleContext): Incident | null {
  if (parseIsoDate(ctx.input.incidentDate)) return { date: ctx.input.incidentDate!, source: 'case' };
  const order = isDeathCase(ctx)
    ? ([
        ['akta_kematian', 'tanggal_kematian'],
        ['surat_kematian', 'tanggal_kematian'],
        ['form_kk1', 'tanggal_kecelakaan'],
        ['form_kk2', 'tanggal_kecelakaan'],
      ] as const)
    : ([
        ['form_kk1', 'tanggal_kecelakaan'],
        ['form_kk2', 'tanggal_kecelakaan'],
      ] as const);
  for (const [type, key] of order) {
    for (const d of ctx.docs(type)) {
      const v = ctx.str(d, key);
      if (parseIsoDate(v)) return { date: v!, source: type };
    }
  }
  return null;
}

const PROGRAMS_FOR: Record<string, Program[]> = { JKK: ['JKK'], JKM: ['JKM'], JHT: ['JHT'], BEASISWA: ['JKK', 'JKM'] };

export function membershipRules(ctx: RuleContext): void {
  const p = ctx.input.participant;
  const claim = ctx.input.claimType;
  if (!p) {
    ctx.missing('membership.program_not_covered', ['participant'], 'data peserta', 'the participant record');
    ctx.missing('membership.inactive_at_incident', ['participant'], 'data peserta', 'the participant record');
    return;
  }
  const needed = PROGRAMS_FOR[claim] ?? [];
  if (!needed.some((n) => p.program.includes(n))) {
    ctx.fire('membership.program_not_covered', {
      params: { program: needed.join('/'), programs: p.program.join(', ') || '-' },
      record: { field: 'program', value: p.program },
    });
  }
  // JHT is savings, not insurance against an incident: only a JHT paid on death has an incident date.
  if (claim === 'JHT' && !isDeathCase(ctx)) return;
  const incident = incidentOf(ctx);
  if (!incident) {
    ctx.missing('membership.inactive_at_incident', ['incident_date'], 'tanggal kejadian/kematian', 'the incident or death date');
    return;
  }
  const grace = p.segmen === 'BPU' ? ctx.param('bpuGraceMonths') : ctx.param('puGraceMonths');
  const until = coveredThrough(p.iuran_lunas_sampai, grace);
  const why: string[] = [];
  const whyEn: string[] = [];
  if (incident.date < p.tanggal_kepesertaan) {
    why.push(`kepesertaan baru mulai ${p.tanggal_kepesertaan}`);
    whyEn.push(`membership only started on ${p.tanggal_kepesertaan}`);
  }
  if (until && incident.date > until) {
    why.push(`iuran lunas sampai ${p.iuran_lunas_sampai}, perlindungan berakhir ${until}`);
    whyEn.push(`contributions paid through ${p.iuran_lunas_sampai}, cover ended ${until}`);
  }
  if (why.length === 0) return;
  const doc = incident.source === 'case' ? undefined : ctx.docs(incident.source)[0];
  const field = incident.source.startsWith('form') ? 'tanggal_kecelakaan' : incident.source === 'case' ? undefined : 'tanggal_kematian';
  ctx.fire('membership.inactive_at_incident', {
    ...(doc ? { doc, field } : {}),
    params: { date: incident.date, why: why.join('; '), whyEn: whyEn.join('; ') },
    record: { field: 'iuran_lunas_sampai', value: p.iuran_lunas_sampai },
    details: {
      incidentDate: incident.date,
      incidentSource: incident.source,
      coveredThrough: until,
      graceMonths: grace,
      segmen: p.segmen,
      status: p.status,
      membershipStart: p.tanggal_kepesertaan,
    },
  });
}
