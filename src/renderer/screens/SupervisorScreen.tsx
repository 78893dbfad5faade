import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../shared/api/methods-cases';
import { useQuery } from '../api-context';
import { hasRole, useAuth } from '../auth';
import { CaseCells, CaseHeadCells } from '../components/CaseTable';
import { ErrorNote } from '../components/ErrorNote';
import { useAge } from '../format';

/** The supervisor's queue: oldest submission first, with who submitted it, how long it waits and its findings. */
export function SupervisorScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const { user } = useAuth();
  const list = useQuery('cases.list', { status: ['awaiting_supervisor'], limit: 500 });
  const cases = [...(list.data?.cases ?? [])].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  return (
    <section className="screen" data-screen="supervisor" data-state={list.state}>
      <h1>{t('supervisor.title')}</h1>
      {!hasRole(user, 'supervisor') && <p className="hint">{t('supervisor.notAllowed')}</p>}
      <ErrorNote error={list.error} />
      {list.data && (cases.length === 0 ? <p className="muted">{t('supervisor.empty')}</p> : <QueueTable cases={cases} />)}
    </section>
  );
}

function QueueTable({ cases }: { cases: CaseSummary[] }): React.JSX.Element {
  const { t } = useTranslation();
  const age = useAge();
  return (
    <table className="grid" data-testid="case-table">
      <thead>
        <tr>
          <CaseHeadCells />
          <th>{t('supervisor.submittedBy')}</th>
          <th>{t('supervisor.age')}</th>
          <th className="num">{t('supervisor.blockers')}</th>
          <th className="num">{t('supervisor.warnings')}</th>
          <th className="num">{t('supervisor.unjudged')}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.id} data-case={c.reference}>
            <CaseCells c={c} />
            <td data-testid="submitted-by">{c.submittedBy ?? '–'}</td>
            <td title={c.submittedAt ?? ''}>{age(c.submittedAt)}</td>
            <td className={c.blockerCount ? 'num sev-blocker' : 'num'}>{c.blockerCount}</td>
            <td className={c.warningCount ? 'num sev-warning' : 'num'}>{c.warningCount}</td>
            <td className={c.unjudgedCount ? 'num sev-info' : 'num'}>{c.unjudgedCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
