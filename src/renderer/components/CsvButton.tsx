// A button that asks the back end for a CSV export and saves it as a download, with the refusal shown
// beside it when there is one.
import { useState } from 'react';
import type { ApiError, Result } from '../../shared/api/result';
import { ErrorNote } from './ErrorNote';

interface Props {
  label: string;
  /** Without the extension; today's date is added by the caller when it matters. */
  fileName: string;
  load: () => Promise<Result<{ csv: string }>>;
  testId?: string;
  /** Names the table for screen readers when several buttons say "CSV". */
  describedBy?: string;
}

export function CsvButton({ label, fileName, load, testId, describedBy }: Props): React.JSX.Element {
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const run = async (): Promise<void> => {
    setBusy(true);
    const res = await load();
    setBusy(false);
    setError(res.ok ? undefined : res.error);
    if (!res.ok) return;
    const url = URL.createObjectURL(new Blob([res.value.csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName}.csv`;
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy} data-testid={testId} aria-describedby={describedBy}>
        {label}
      </button>
      <ErrorNote error={error} />
    </>
  );
}
