// "Ekspor keputusan (CSV)": every decision as the CSV `claimdesk export decisions` writes, downloaded, so
// the branch reports upward without retyping.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import { useApi } from '../api-context';
import { todayIso } from '../format';
import { ErrorNote } from './ErrorNote';

export function ExportDecisions(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const run = async (): Promise<void> => {
    setBusy(true);
    const res = await api.call('exports.decisions', {});
    setBusy(false);
    setError(res.ok ? undefined : res.error);
    if (!res.ok) return;
    const url = URL.createObjectURL(new Blob([res.value.csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `keputusan-${todayIso()}.csv`;
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy} data-testid="export-decisions">
        {t('exports.decisions')}
      </button>
      <ErrorNote error={error} />
    </>
  );
}
