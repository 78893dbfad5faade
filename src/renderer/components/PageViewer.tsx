import { useTranslation } from 'react-i18next';
import type { BBox } from '../../shared/domain/documents';
import { useQuery } from '../api-context';
import { regionAt, regionsOnPage } from '../page-regions';
import { ErrorNote } from './ErrorNote';
import type { PageRef } from './DocumentsPanel';

interface Props {
  pageRef: PageRef;
  highlight: BBox | null;
  caseId: number;
  /** The document the officer is working on: its region is emphasised. */
  selectedId: number | null;
  /** The officer picked a document on the page (its outline or its label). */
  onPick: (documentId: number) => void;
}

/**
 * The page as the officer sees it, with OCR word boxes, the highlighted evidence box, and the outline of
 * every document that shares the page (labelled with its type; the selected one emphasised). Picking a
 * document on the page brings its fields up: by clicking inside its outline, or by its label, which is a
 * button so the keyboard can do it too.
 */
export function PageViewer({ pageRef, highlight, caseId, selectedId, onPick }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const page = useQuery('documents.page', pageRef);
  const docs = useQuery('extraction.list', { caseId });
  const d = page.data;
  const regions = regionsOnPage(docs.data?.documents ?? [], pageRef.fileId, pageRef.page);
  const pct = (v: number, of: number): string => `${(v / of) * 100}%`;
  const box = (b: BBox, w: number, h: number): React.CSSProperties => ({
    left: pct(b[0], w),
    top: pct(b[1], h),
    width: pct(b[2] - b[0], w),
    height: pct(b[3] - b[1], h),
  });
  // A click anywhere inside an outline picks its document, words included: the outlines themselves let
  // clicks through so the word boxes under them keep their tooltips.
  const pickAt = (e: React.MouseEvent<HTMLDivElement>): void => {
    if (!d || !regions.length) return;
    const r = e.currentTarget.getBoundingClientRect();
    const hit = regionAt(regions, ((e.clientX - r.left) / r.width) * d.image.width, ((e.clientY - r.top) / r.height) * d.image.height);
    if (hit) onPick(hit.documentId);
  };
  return (
    <section className="panel viewer" data-testid="page-viewer" data-state={page.state} data-regions={regions.length}>
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
          {d.ocr?.quality.poor && (
            <p className="hint">
              {t('documents.poorHint', { reasons: d.ocr.quality.reasons.map((r) => t(`documents.qualityReasons.${r}`, { defaultValue: r })).join(', ') })}
            </p>
          )}
          {d.error && <p className="error-note">{d.error}</p>}
          {/* Pointing at a word is a shortcut for typing it into the focused field, which stays editable by
              keyboard; the page itself is not a control. */}
          {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
          <div
            className="page-canvas"
            onClick={pickAt}
            // The whole page stays in view beside the fields: as wide as fits, never taller than the window.
            style={{ aspectRatio: `${d.image.width} / ${d.image.height}`, width: `min(100%, calc((100vh - 10rem) * ${d.image.width / d.image.height}))` }}
          >
            <img src={`data:${d.image.mime};base64,${d.image.dataBase64}`} alt={t('documents.pageOf', { page: pageRef.page })} />
            {d.ocr?.lines
              .flatMap((l) => l.words)
              .map((w, i) => (
                <span
                  key={i}
                  className="word-box"
                  style={box(w.bbox, d.image.width, d.image.height)}
                  title={`${w.text} (${Math.round(w.confidence * 100)}%)`}
                />
              ))}
            {regions.length > 0 && (
              <div role="group" aria-label={t('documents.regions')}>
                {regions.map((r, i) => {
                  const selected = r.documentId === selectedId;
                  const type = t(`docTypes.${r.type}`);
                  return (
                    <div
                      key={`${r.documentId}:${i}`}
                      className={selected ? 'doc-region selected' : 'doc-region'}
                      data-testid="doc-region"
                      data-document-id={r.documentId}
                      data-selected={selected || undefined}
                      style={box(r.bbox, d.image.width, d.image.height)}
                    >
                      <button
                        type="button"
                        className="doc-region-label"
                        aria-pressed={selected}
                        aria-label={t('documents.region', { type, n: i + 1, total: regions.length })}
                        onClick={(e) => {
                          // The label is inside the outline: one pick, not a second from the page's click.
                          e.stopPropagation();
                          onPick(r.documentId);
                        }}
                      >
                        {type}
                      </button>
                    </div>
                  );
                })}
              </div>
            )}
            {highlight && <span className="evidence-box" data-testid="evidence-box" style={box(highlight, d.image.width, d.image.height)} />}
          </div>
        </>
      )}
    </section>
  );
}
