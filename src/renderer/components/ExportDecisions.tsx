// "Ekspor keputusan (CSV)": every decision as the CSV `claimdesk export decisions` writes, downloaded, so
// the branch reports upward without retyping.
import { useTranslation } from 'react-i18next';
import { useApi } from '../api-context';
import { todayIso } from '../format';
import { CsvButton } from './CsvButton';

export function ExportDecisions(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <CsvButton label={t('exports.decisions')} fileName={`keputusan-${todayIso()}`} load={() => api.call('exports.decisions', {})} testId="export-decisions" />
  );
}
