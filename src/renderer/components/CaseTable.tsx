import { useTranslation } from 'react-i18next';
import { dmy, useDateTimeFormat } from '../format';
import type { CaseSummary } from '../../shared/api/methods-cases';
import { hrefOf } from '../router';

export function CaseTable({ cases }: { cases: CaseSummary[] }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useDateTimeFormat();
  return (
    <table className="grid" data-testid="case-table">
      <thead>
        <tr>
          <CaseHeadCells />
          <th>{t('worklist.incidentDate')}</th>
          <th>{t('worklist.status')}</th>
          <th>{t('worklist.due')}</th>
          <th className="num">{t('worklist.files')}</th>
          <th className="num">{t('worklist.flags')}</th>
          <th>{t('worklist.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.id} data-case={c.reference}>
            <CaseCells c={c} />
            <td>{dmy(c.incidentDate)}</td>
            <td>
              <span className={`badge case-${c.status}`}>{t(`status.${c.status}`)}</span>
            </td>
            <td>
              <Due c={c} />
            </td>
            <td className="num">{c.fileCount}</td>
            <td className="num">{c.flagCount}</td>
            <td>{fmt.format(new Date(c.updatedAt))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The cells every case list starts with: the reference (a link to the case), the claim type, the participant. */
export function CaseCells({ c }: { c: CaseSummary }): React.JSX.Element {
  return (
    <>
      <td>
        <a href={hrefOf({ screen: 'case', caseId: c.id })} className="mono">
          {c.reference}
        </a>
      </td>
      <td>{c.claimType}</td>
      <td>
        {c.participantName ?? '–'} {c.kpj && <span className="mono muted">{c.kpj}</span>}
      </td>
    </>
  );
}

/** The heads of the cells above. */
export function CaseHeadCells(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <th>{t('worklist.reference')}</th>
      <th>{t('worklist.claimType')}</th>
      <th>{t('worklist.participant')}</th>
    </>
  );
}

/** How urgent a case is against its statutory deadline: late, due within a working day, or on time. */
export const urgencyOf = (left: number | null): 'late' | 'soon' | 'ok' | null => (left === null ? null : left < 0 ? 'late' : left <= 1 ? 'soon' : 'ok');

/** The statutory deadline and the working days left, coloured by urgency. */
function Due({ c }: { c: CaseSummary }): React.JSX.Element {
  const { t } = useTranslation();
  const urgency = urgencyOf(c.workingDaysLeft);
  if (urgency === null || c.workingDaysLeft === null) return <span className="muted">–</span>;
  const left = c.workingDaysLeft;
  return (
    <span className={`due due-${urgency}`} data-urgency={urgency} title={t('worklist.dueBy', { date: dmy(c.payBy) })}>
      {left < 0 ? t('worklist.late', { count: -left }) : left === 0 ? t('worklist.dueToday') : t('worklist.left', { count: left })}
    </span>
  );
}
