// Human-readable form of `claimdesk verify`: the case, what was found, and the flags by severity.
import type { CaseDetail } from '../../../shared/api/methods-cases';
import type { ChecklistEntry, Flag } from '../../../shared/domain/claims';
import { shown } from '../output';

interface VerifyOutput {
  case: CaseDetail;
  documents: { file: string; type: string; pages: number[] }[];
  flags: Flag[];
  checklist: ChecklistEntry[];
  payBy: string | null;
  errors: { file: string; error: string }[];
}

const MARK = { blocker: 'BLOCKER', warning: 'warning', info: 'info' } as const;

export function humanVerify(o: VerifyOutput): string {
  const c = o.case;
  const lines = [
    `Case ${c.reference}: ${c.claimType} for KPJ ${c.kpj ?? '-'} (${c.participantName === null ? 'no participant record' : shown(c.participantName)})${c.incidentDate ? `, incident ${c.incidentDate}` : ''}`,
    ...o.errors.map((e) => `  file not read: ${shown(e.file)}: ${shown(e.error)}`),
    `Documents:`,
    ...o.documents.map((d) => `  ${d.type.padEnd(17)} ${shown(d.file)} p.${d.pages.join(',')}`),
    `Checklist:`,
    ...o.checklist.map((e) => `  [${e.present ? 'x' : ' '}] ${e.type}${e.required ? ' (required)' : ''}`),
    `Flags: ${o.flags.filter((f) => f.severity === 'blocker').length} blocker(s), ${o.flags.filter((f) => f.severity === 'warning').length} warning(s)`,
    ...o.flags.map((f) => `  ${MARK[f.severity].padEnd(7)} ${f.rule}: ${shown(f.message.en)}`),
  ];
  if (o.payBy) lines.push(`Statutory payment date: ${o.payBy}`);
  return lines.join('\n');
}
