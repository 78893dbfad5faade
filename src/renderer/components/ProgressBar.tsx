import { useTranslation } from 'react-i18next';

export function ProgressBar({ done, total, running }: { done: number; total: number; running: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const pct = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="progress" data-testid="ocr-progress" data-done={done} data-total={total} data-running={running}>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label={t('documents.progressLabel')}>
        <div className={running ? 'progress-fill running' : 'progress-fill'} style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-text">{t('documents.progress', { done, total, pct })}</span>
    </div>
  );
}
