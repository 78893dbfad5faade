import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BBox } from '../../shared/domain/documents';
import { useApi, useQuery } from '../api-context';
import { regionAt, regionsOnPage } from '../page-regions';
import { drawPdfPage, pdfDocument } from '../pdf-pages';
import { fitScale, nextZoom, pageToStage, rotatedSize, stageToPage, stageTransform, type QuarterTurn, type Zoom } from '../viewer-geometry';
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
  /** Another page of the same file was chosen in the page strip. */
  onPage: (page: PageRef) => void;
  /** A word on the page was clicked while a field was focused: returns true when a field took it. */
  onWord: (text: string, add: boolean) => boolean;
}

const ZOOM_KEY = 'claimdesk.viewerZoom';

function storedZoom(): Zoom {
  const v = window.localStorage.getItem(ZOOM_KEY);
  if (v === 'page') return { fit: 'page' };
  const n = Number(v);
  return v && Number.isFinite(n) && n > 0 ? { fit: 'width', factor: n } : { fit: 'width', factor: 1 };
}

/**
 * The page as the officer sees it: zoomed (fit width, fit page, steps, Ctrl+wheel) and turned by quarter
 * turns (a page photographed sideways opens the way OCR found it upright), with the file's pages as
 * thumbnails beside it. Over the page: the OCR word boxes (a click puts the word into the focused field,
 * Shift+click adds it), the focused field's evidence (scrolled into view) and the outline of every
 * document that shares the page. PDFs are drawn by pdf.js at the shown size; images (and a PDF pdf.js
 * cannot draw) show the back end's page image.
 */
export function PageViewer({ pageRef, highlight, caseId, selectedId, onPick, onPage, onWord }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const page = useQuery('documents.page', pageRef);
  const docs = useQuery('extraction.list', { caseId });
  const files = useQuery('documents.list', { caseId });
  const file = files.data?.files.find((f) => f.fileId === pageRef.fileId);
  const d = page.data;
  const regions = regionsOnPage(docs.data?.documents ?? [], pageRef.fileId, pageRef.page);

  const [zoom, setZoomState] = useState<Zoom>(storedZoom);
  const setZoom = useCallback((z: Zoom) => {
    setZoomState(z);
    window.localStorage.setItem(ZOOM_KEY, z.fit === 'page' ? 'page' : String(z.factor));
  }, []);
  // Turns the officer chose, per page; a page not turned by hand opens as OCR found it upright.
  const [turns, setTurns] = useState<Record<string, QuarterTurn>>({});
  const key = `${pageRef.fileId}:${pageRef.page}`;
  const ocrTurn = Number(d?.ocr?.preprocessing.rotate ?? 0);
  const rotation: QuarterTurn = turns[key] ?? ([0, 90, 180, 270].includes(ocrTurn) ? (ocrTurn as QuarterTurn) : 0);
  const turn = useCallback((by: 90 | -90) => setTurns((all) => ({ ...all, [key]: ((((rotation + by) % 360) + 360) % 360) as QuarterTurn })), [key, rotation]);

  // The scrolling area's size decides the fitted scales.
  const scroller = useRef<HTMLDivElement>(null);
  const [area, setArea] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = (): void => setArea({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [d !== undefined]); // eslint-disable-line react-hooks/exhaustive-deps -- the area exists once a page is shown

  const size = d ? { width: d.image.width, height: d.image.height } : { width: 1, height: 1 };
  const scale = area.width > 0 ? fitScale(zoom, size, rotation, area) : 0;
  const stage = rotatedSize(size, rotation, scale);
  const widthPct = area.width > 0 ? Math.round((scale / fitScale({ fit: 'width', factor: 1 }, size, rotation, area)) * 100) : 100;

  // Ctrl+wheel zooms about the pointer: the point under it stays under it.
  const anchor = useRef<{ x: number; y: number; px: number; py: number } | null>(null);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent): void => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      const r = el.getBoundingClientRect();
      const px = e.clientX - r.left;
      const py = e.clientY - r.top;
      anchor.current = { x: (el.scrollLeft + px) / scale, y: (el.scrollTop + py) / scale, px, py };
      setZoom(nextZoom(zoom, e.deltaY < 0 ? 1 : -1, scale, size, rotation, area));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  });
  useLayoutEffect(() => {
    const el = scroller.current;
    const a = anchor.current;
    if (!el || !a) return;
    anchor.current = null;
    el.scrollLeft = a.x * scale - a.px;
    el.scrollTop = a.y * scale - a.py;
  }, [scale]);

  // The evidence box comes into view whenever it (or the zoom, or the turn) changes.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !highlight || !d || scale === 0) return;
    const box = pageToStage(highlight, size, rotation, scale);
    const margin = 24;
    const visible =
      box.left >= el.scrollLeft && box.right <= el.scrollLeft + el.clientWidth && box.top >= el.scrollTop && box.bottom <= el.scrollTop + el.clientHeight;
    if (visible) return;
    el.scrollTo({
      left: Math.max(0, (box.left + box.right) / 2 - el.clientWidth / 2),
      top: Math.max(0, Math.min(box.top - margin, (box.top + box.bottom) / 2 - el.clientHeight / 2)),
    });
  }, [highlight, scale, rotation, d]); // eslint-disable-line react-hooks/exhaustive-deps -- size follows d

  // Viewer keys work from anywhere on the case screen, fields included (Alt combinations).
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const act: Record<string, () => void> = {
        Equal: () => setZoom(nextZoom(zoom, 1, scale, size, rotation, area)),
        NumpadAdd: () => setZoom(nextZoom(zoom, 1, scale, size, rotation, area)),
        Minus: () => setZoom(nextZoom(zoom, -1, scale, size, rotation, area)),
        NumpadSubtract: () => setZoom(nextZoom(zoom, -1, scale, size, rotation, area)),
        KeyW: () => setZoom({ fit: 'width', factor: 1 }),
        KeyP: () => setZoom({ fit: 'page' }),
        KeyR: () => turn(e.shiftKey ? -90 : 90),
        PageDown: () => file && pageRef.page < file.pageCount && onPage({ fileId: pageRef.fileId, page: pageRef.page + 1 }),
        PageUp: () => pageRef.page > 1 && onPage({ fileId: pageRef.fileId, page: pageRef.page - 1 }),
      };
      const run = act[e.code];
      if (!run) return;
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // A click on the page: a word goes into the focused field; otherwise the document under it is picked.
  const onClick = (e: React.MouseEvent<HTMLDivElement>): void => {
    if (!d) return;
    const word = (e.target as HTMLElement).closest<HTMLElement>('[data-word]');
    if (word?.dataset.word && onWord(word.dataset.word, e.shiftKey)) return;
    if (!regions.length) return;
    const r = e.currentTarget.getBoundingClientRect();
    const [x, y] = stageToPage(e.clientX - r.left, e.clientY - r.top, size, rotation, scale);
    const hit = regionAt(regions, x, y);
    if (hit) onPick(hit.documentId);
  };

  const pct = (v: number, of: number): string => `${(v / of) * 100}%`;
  const box = (b: BBox): React.CSSProperties => ({
    left: pct(b[0], size.width),
    top: pct(b[1], size.height),
    width: pct(b[2] - b[0], size.width),
    height: pct(b[3] - b[1], size.height),
  });
  const words = d?.ocr?.lines.flatMap((l) => l.words) ?? [];
  return (
    <section
      className="panel viewer"
      data-testid="page-viewer"
      data-state={page.state}
      data-regions={regions.length}
      data-rotation={rotation}
      data-zoom={zoom.fit === 'page' ? 'page' : widthPct}
      aria-label={t('viewer.title')}
    >
      <ErrorNote error={page.error} />
      {d && (
        <>
          <div className="viewer-head">
            <span>
              {file ? t('viewer.pageOfFile', { page: pageRef.page, pages: file.pageCount, file: file.name }) : t('documents.pageOf', { page: pageRef.page })}
            </span>
            <span className={`badge page-${d.state}`}>{t(`documents.states.${d.state}`)}</span>
            {d.ocr?.source === 'text-layer' && <span className="badge">{t('documents.textLayer')}</span>}
            {d.ocr && (
              <span className={d.ocr.quality.poor ? 'badge poor' : 'badge'} data-testid="page-quality">
                {d.ocr.quality.poor ? t('documents.poor') : t('documents.quality', { pct: Math.round(d.ocr.quality.score * 100) })}
              </span>
            )}
          </div>
          <div className="viewer-tools" role="toolbar" aria-label={t('viewer.tools')}>
            <button
              type="button"
              onClick={() => setZoom(nextZoom(zoom, -1, scale, size, rotation, area))}
              aria-label={t('viewer.zoomOut')}
              aria-keyshortcuts="Alt+-"
              title={`${t('viewer.zoomOut')} (Alt+−)`}
            >
              −
            </button>
            <output className="zoom-level" data-testid="zoom-level" aria-label={t('viewer.zoomLevel')}>
              {widthPct}%
            </output>
            <button
              type="button"
              onClick={() => setZoom(nextZoom(zoom, 1, scale, size, rotation, area))}
              aria-label={t('viewer.zoomIn')}
              aria-keyshortcuts="Alt+="
              title={`${t('viewer.zoomIn')} (Alt+=)`}
            >
              +
            </button>
            <button
              type="button"
              aria-pressed={zoom.fit === 'width' && zoom.factor === 1}
              onClick={() => setZoom({ fit: 'width', factor: 1 })}
              aria-keyshortcuts="Alt+W"
              title="Alt+W"
            >
              {t('viewer.fitWidth')}
            </button>
            <button type="button" aria-pressed={zoom.fit === 'page'} onClick={() => setZoom({ fit: 'page' })} aria-keyshortcuts="Alt+P" title="Alt+P">
              {t('viewer.fitPage')}
            </button>
            <button
              type="button"
              onClick={() => turn(-90)}
              aria-label={t('viewer.rotateLeft')}
              aria-keyshortcuts="Alt+Shift+R"
              title={`${t('viewer.rotateLeft')} (Alt+Shift+R)`}
            >
              ↺
            </button>
            <button
              type="button"
              onClick={() => turn(90)}
              aria-label={t('viewer.rotateRight')}
              aria-keyshortcuts="Alt+R"
              title={`${t('viewer.rotateRight')} (Alt+R)`}
            >
              ↻
            </button>
          </div>
          {d.ocr?.quality.poor && (
            <p className="hint">
              {t('documents.poorHint', { reasons: d.ocr.quality.reasons.map((r) => t(`documents.qualityReasons.${r}`, { defaultValue: r })).join(', ') })}
            </p>
          )}
          {d.error && <p className="error-note">{d.error}</p>}
          <div className="viewer-body">
            {file && file.pageCount > 1 && (
              <PageStrip fileId={file.fileId} pages={file.pageCount} current={pageRef.page} onPage={(p) => onPage({ fileId: file.fileId, page: p })} />
            )}
            {/* Focusable, so the arrow keys scroll a zoomed page. */}
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
            <div className="page-scroll" ref={scroller} data-testid="page-scroll" tabIndex={0} role="region" aria-label={t('viewer.pageArea')}>
              {scale > 0 && (
                // Pointing at a word is a shortcut for typing it into the focused field, which stays editable
                // by keyboard; the page itself is not a control. Pressing on it keeps the field focused.
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
                <div className="page-stage" style={{ width: stage.width, height: stage.height }} onClick={onClick} onMouseDown={(e) => e.preventDefault()}>
                  <div
                    className="page-canvas"
                    style={{ width: size.width * scale, height: size.height * scale, transform: stageTransform(size, rotation, scale) }}
                  >
                    <img src={`data:${d.image.mime};base64,${d.image.dataBase64}`} alt={t('documents.pageOf', { page: pageRef.page })} draggable={false} />
                    {file?.format === 'pdf' && <PdfLayer fileId={file.fileId} page={pageRef.page} cssWidth={size.width * scale} />}
                    {words.map((w, i) => (
                      <span key={i} className="word-box" data-word={w.text} style={box(w.bbox)} title={`${w.text} (${Math.round(w.confidence * 100)}%)`} />
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
                              style={box(r.bbox)}
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
                    {highlight && <span className="evidence-box" data-testid="evidence-box" style={box(highlight)} />}
                  </div>
                </div>
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}

/** The PDF page drawn by pdf.js over the page image, once drawn; the image stays if it cannot be. */
function PdfLayer({ fileId, page, cssWidth }: { fileId: number; page: number; cssWidth: number }): React.JSX.Element {
  const api = useApi();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const el = canvas.current;
    if (!el || cssWidth <= 0) return;
    let cancel = (): void => undefined;
    let stopped = false;
    // A zoom step waits a moment: the wheel sends many, and only the last one is drawn.
    const timer = window.setTimeout(() => {
      void pdfDocument(fileId, () =>
        api.call('documents.original', { fileId }).then((r) => (r.ok ? r.value.dataBase64 : Promise.reject(new Error(r.error.message)))),
      )
        .then((doc) => {
          if (!stopped) cancel = drawPdfPage(doc, page, el, cssWidth, setDrawn);
        })
        .catch(() => setDrawn(false));
    }, 120);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      cancel();
    };
  }, [api, fileId, page, cssWidth]);
  useEffect(() => setDrawn(false), [fileId, page]);
  return <canvas ref={canvas} className="pdf-page" data-testid="pdf-page" data-drawn={drawn || undefined} hidden={!drawn} aria-hidden="true" />;
}

/** The file's pages as small pictures; the current one marked. Loaded as they scroll into view. */
function PageStrip({ fileId, pages, current, onPage }: { fileId: number; pages: number; current: number; onPage: (page: number) => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <nav className="page-strip" aria-label={t('viewer.pages')} data-testid="page-strip">
      {Array.from({ length: pages }, (_, i) => i + 1).map((p) => (
        <Thumb key={p} fileId={fileId} page={p} current={p === current} onPick={() => onPage(p)} />
      ))}
    </nav>
  );
}

function Thumb({ fileId, page, current, onPick }: { fileId: number; page: number; current: boolean; onPick: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const self = useRef<HTMLButtonElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = self.current;
    if (!el || seen) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true));
    io.observe(el);
    return () => io.disconnect();
  }, [seen]);
  useEffect(() => {
    if (current) self.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  const thumb = useQuery('documents.thumb', seen ? { fileId, page } : null);
  return (
    <button
      ref={self}
      type="button"
      className="thumb"
      aria-current={current ? 'page' : undefined}
      onClick={onPick}
      aria-label={t('documents.pageOf', { page })}
      data-page={page}
    >
      {thumb.data ? <img src={`data:${thumb.data.mime};base64,${thumb.data.dataBase64}`} alt="" /> : <span className="thumb-blank" />}
      <span className="thumb-no">{page}</span>
    </button>
  );
}
