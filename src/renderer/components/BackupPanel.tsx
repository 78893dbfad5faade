// "Cadangan data" (administrators): a backup of the data folder made by the back end, into a folder on
// its own machine (typed, or <data folder>/backups/<time>), and where it went, its size and file count.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupResult } from '../../shared/api/methods-settings';
import type { ApiError } from '../../shared/api/result';
import { useApi } from '../api-context';
import { ErrorNote } from './ErrorNote';

/** A size as the reader's language writes it, in MB (KB below one MB). */
export function sizeText(bytes: number, lang: string): string {
  const kb = bytes / 1024;
  const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return kb < 1024 ? `${fmt.format(Math.max(1, Math.round(kb)))} KB` : `${fmt.format(kb / 1024)} MB`;
}

export function BackupPanel({ dataFolder }: { dataFolder: string | undefined }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<BackupResult>();
  const make = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    const res = await api.call('settings.backup', folder.trim() ? { folder: folder.trim() } : {});
    setBusy(false);
    if (res.ok) setDone(res.value);
    else setError(res.error);
  };
  return (
    <section className="panel" data-testid="backup" data-state={busy ? 'loading' : done ? 'done' : error ? 'error' : 'ready'}>
      <h2>{t('backup.title')}</h2>
      <p className="hint">{t('backup.hint')}</p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void make();
        }}
      >
        <label className="wide">
          {t('backup.folder')}
          <input
            name="backup-folder"
            className="mono"
            value={folder}
            placeholder={dataFolder ? t('backup.folderPlaceholder', { home: dataFolder }) : undefined}
            onChange={(e) => setFolder(e.target.value)}
          />
        </label>
        <ErrorNote error={error} />
        <div className="actions">
          {busy && <span className="muted">{t('backup.making')}</span>}
          <button type="submit" className="primary" disabled={busy}>
            {t('backup.make')}
          </button>
        </div>
      </form>
      {done && (
        <div className="ok-note" role="status" data-testid="backup-result">
          <p>{t('backup.done', { folder: done.folder, cases: done.cases, count: done.files, size: sizeText(done.bytes, i18n.language) })}</p>
          <p className="mono">{t('backup.manifest', { sha: done.manifestSha256 })}</p>
        </div>
      )}
    </section>
  );
}
