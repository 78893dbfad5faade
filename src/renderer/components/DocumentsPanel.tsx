import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADD_FILES, useHotkey } from '../hotkeys';
import type { ApiError } from '../../shared/api/result';
import { useApi, useQuery } from '../api-context';
import { ErrorNote } from './ErrorNote';
import { ProgressBar } from './ProgressBar';

export interface PageRef {
  fileId: number;
  page: number;
}

interface Props {
  caseId: number;
  selected: PageRef | null;
  onSelect: (ref: PageRef) => void;
  /** The case awaits a decision or is decided: no file is added, no page read again. */
  locked?: boolean;
}

export function DocumentsPanel({ caseId, selected, onSelect, locked = false }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const list = useQuery('documents.list', { caseId });
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [rejected, setRejected] = useState<{ name: string; message: string; code: string; reason?: string }[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const upload = async (files: File[]): Promise<void> => {
    if (files.length === 0) return;
    setUploading(true);
    setError(undefined);
    try {
      // Each file is streamed on its own: one too large or unreadable is refused with its reason and the
      // others are still added, in one call.
      const sent: { name: string; upload: string }[] = [];
      const refused: typeof rejected = [];
      for (const f of files) {
        const r = await api.upload('document', f);
        if (r.ok) sent.push({ name: f.name, upload: r.value.upload });
        else {
          const reason = r.error.params?.reason;
          refused.push({ name: f.name, code: r.error.code, message: r.error.message, ...(typeof reason === 'string' ? { reason } : {}) });
        }
      }
      setRejected(refused);
      if (sent.length === 0) return;
      const res = await api.call('documents.add', { caseId, files: sent });
      if (!res.ok) setError(res.error);
      else setRejected([...refused, ...res.value.rejected]);
    } finally {
      setUploading(false);
      list.reload();
    }
  };

  const d = list.data;
  const first = d?.files[0];
  // Open the first page as soon as there is one, so the officer never faces an empty viewer.
  useEffect(() => {
    if (!selected && first) onSelect({ fileId: first.fileId, page: 1 });
  }, [selected, first, onSelect]);

  useHotkey(ADD_FILES, () => input.current?.click(), !locked);
  return (
    <section
      className={dragging ? 'panel documents dragging' : 'panel documents'}
      data-testid="documents-panel"
      data-state={list.state}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        if (!locked) void upload([...e.dataTransfer.files]);
      }}
    >
      <div className="panel-head">
        <h2>{t('documents.title')}</h2>
        {!locked && (
          <div className="row">
            {d?.running && (
              <button type="button" onClick={() => void api.call('documents.cancelOcr', { caseId }).then(list.reload)}>
                {t('documents.cancel')}
              </button>
            )}
            {d && !d.running && d.files.some((f) => f.pages.some((p) => p.state === 'failed' || p.state === 'cancelled')) && (
              <button type="button" onClick={() => void api.call('documents.retryOcr', { caseId }).then(list.reload)}>
                {t('documents.retry')}
              </button>
            )}
            <button type="button" className="primary" onClick={() => input.current?.click()} disabled={uploading} aria-keyshortcuts="Alt+O">
              {uploading ? t('documents.uploading') : t('documents.add')}
            </button>
            <input
              ref={input}
              type="file"
              multiple
              hidden
              accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/*"
              data-testid="file-input"
              onChange={(e) => {
                void upload([...(e.target.files ?? [])]);
                e.target.value = '';
              }}
            />
          </div>
        )}
      </div>
      <ErrorNote error={error} />
      {rejected.map((r) => (
        <ErrorNote
          key={r.name}
          error={{ code: r.code as ApiError['code'], message: `${r.name}: ${r.message}`, ...(r.reason ? { params: { file: r.name, reason: r.reason } } : {}) }}
        />
      ))}
      {d && d.pagesTotal > 0 && <ProgressBar done={d.pagesDone} total={d.pagesTotal} running={d.running} />}
      {d && d.files.length === 0 && <p className="muted">{t('documents.empty')}</p>}
      <ul className="file-list">
        {d?.files.map((f) => (
          <li key={f.fileId} data-file={f.name}>
            <div className="file-name">
              <strong>{f.name}</strong>{' '}
              <span className="muted">
                {f.format.toUpperCase()} · {t('documents.pages', { count: f.pageCount })}
              </span>
            </div>
            <div className="page-chips">
              {f.pages.map((p) => {
                const active = selected?.fileId === f.fileId && selected.page === p.page;
                return (
                  <button
                    key={p.page}
                    type="button"
                    className={`chip page-${p.state}${active ? ' active' : ''}${p.quality?.poor ? ' poor' : ''}`}
                    onClick={() => onSelect({ fileId: f.fileId, page: p.page })}
                    title={`${t(`documents.states.${p.state}`)}${p.quality?.poor ? ` · ${t('documents.poor')}` : ''}`}
                    data-page-state={p.state}
                  >
                    {p.page}
                    {p.quality?.poor ? ' ⚠' : ''}
                  </button>
                );
              })}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
