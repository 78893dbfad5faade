import { useTranslation } from 'react-i18next';
import type { BBox } from '../../shared/domain/documents';
import { useEvents, useQuery } from '../api-context';
import { ErrorNote } from './ErrorNote';
import type { PageRef } from './DocumentsPanel';

/** The page as the officer sees it, with OCR word boxes and the highlighted evidence box on top. */
export function PageViewer({ pageRef, highlight, caseId }: { pageRef: PageRef; highlight: BBox | null; caseId: number }): React.JSX.Element {
  const { t } = useTranslation();
  const page = useQuery('documents.page', pageRef, `${pageRef.fileId}:${pageRef.page}`);
  useEvents((e) => {
    const p = e.payload as { caseId?: number; fileId?: number; page?: number };
    if (e.name === 'ocr.progress' && p.caseId === caseId && p.fileId === pageRef.fileId && p.page === pageRef.page) page.reload();
  });
  const d = page.data;
  const pct = (v: number, of: number): string => `${(v / of) * 100}%`;
  const box = (b: BBox, w: number, h: number): React.CSSProperties => ({
    left: pct(b[0], w),
    top: pct(b[1], h),
    width: pct(b[2] - b[0], w),
    height: pct(b[3] - b[1], h),
  });
  return (
    <section className="panel viewer" data-testid="page-viewer" data-state={page.state}>
      <ErrorNote error={page.error} />
      {d && (
        <>
          <div className="viewer-head">
            <span>{t('documents.pageOf', { page: pageRef.page })}</span>
            <span className={`badge page-${d.state}`}>{t(`documents.states.${d.state}`)}</span>
            {d.ocr?.source === 'text-layer' && <span className="badge">{t('documents.textLayer')}</span>}
            {d.ocr && (
              <span className={d.ocr.quality.poor ? 'badge poor' : 'badge'} data-testid="page-quality">
                {d.ocr.quality.poor ? t('documents.poor') : t('documents.quality', { pct: Math.round(d.ocr.quality.score * 100) })}
              </span>
            )}
          </div>
          {d.ocr?.quality.poor && <p className="hint">{t('documents.poorHint', { reasons: d.ocr.quality.reasons.map((r) => t(`documents.qualityReasons.${r}`, { defaultValue: r })).join(', ') })}</p>}
          {d.error && <p className="error-note">{d.error}</p>}
          <div
            className="page-canvas"
            // The whole page stays in view beside the fields: as wide as fits, never taller than the window.
            style={{ aspectRatio: `${d.image.width} / ${d.image.height}`, width: `min(100%, calc((100vh - 10rem) * ${d.image.width / d.image.height}))` }}
          >
            <img src={`data:${d.image.mime};base64,${d.image.dataBase64}`} alt={t('documents.pageOf', { page: pageRef.page })} />
            {d.ocr?.lines.flatMap((l) => l.words).map((w, i) => (
              <span key={i} className="word-box" style={box(w.bbox, d.image.width, d.image.height)} title={`${w.text} (${Math.round(w.confidence * 100)}%)`} />
            ))}
            {highlight && <span className="evidence-box" data-testid="evidence-box" style={box(highlight, d.image.width, d.image.height)} />}
          </div>
        </>
      )}
    </section>
  );
}
