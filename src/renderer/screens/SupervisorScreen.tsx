import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/api/roles';
import { useEvents, useQuery } from '../api-context';
import { CaseTable } from '../components/CaseTable';
import { ErrorNote } from '../components/ErrorNote';

export function SupervisorScreen({ role }: { role: Role | undefined }): React.JSX.Element {
  const { t } = useTranslation();
  const list = useQuery('cases.list', { status: ['awaiting_supervisor'], limit: 200 }, 'awaiting');
  useEvents((e) => e.name === 'case.changed' && list.reload());
  const allowed = role === 'supervisor' || role === 'admin';
  return (
    <section className="screen" data-screen="supervisor" data-state={list.state}>
      <h1>{t('supervisor.title')}</h1>
      {!allowed && <p className="hint">{t('supervisor.notAllowed')}</p>}
      <ErrorNote error={list.error} />
      {list.data && (list.data.cases.length === 0 ? <p className="muted">{t('supervisor.empty')}</p> : <CaseTable cases={list.data.cases} />)}
    </section>
  );
}
