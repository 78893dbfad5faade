// PDF pages drawn in the viewer by pdf.js, sharp at any zoom. The original comes from the back end once
// per file and is parsed once; a page is drawn at the size it is shown (times the screen's pixel ratio,
// within a pixel budget). Anything that fails leaves the page image from the back end in place.
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** The largest canvas drawn, in device pixels (a 4-megapixel page is sharp on any screen). */
const MAX_CANVAS_PIXELS = 16_000_000;
/** Parsed documents kept, most recent last: a case rarely has more PDFs than this open at once. */
const KEEP = 4;
const open = new Map<number, Promise<PDFDocumentProxy>>();

function decode(base64: string): Uint8Array {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The parsed PDF of a file, loading its bytes with `load` the first time. */
export function pdfDocument(fileId: number, load: () => Promise<string>): Promise<PDFDocumentProxy> {
  const known = open.get(fileId);
  if (known) {
    open.delete(fileId);
    open.set(fileId, known);
    return known;
  }
  const doc = load().then((b64) => getDocument({ data: decode(b64), isEvalSupported: false, useSystemFonts: true }).promise);
  open.set(fileId, doc);
  doc.catch(() => open.delete(fileId));
  while (open.size > KEEP) {
    const [oldest, p] = open.entries().next().value as [number, Promise<PDFDocumentProxy>];
    open.delete(oldest);
    void p.then((d) => d.destroy()).catch(() => undefined);
  }
  return doc;
}

/**
 * Draws one page into `canvas` so that it fills `cssWidth` CSS pixels. Returns a function that cancels
 * the drawing (a newer zoom supersedes it).
 */
export function drawPdfPage(doc: PDFDocumentProxy, pageNo: number, canvas: HTMLCanvasElement, cssWidth: number, done: (ok: boolean) => void): () => void {
  let task: RenderTask | null = null;
  let cancelled = false;
  void doc
    .getPage(pageNo)
    .then((page) => {
      if (cancelled) return;
      const base = page.getViewport({ scale: 1 });
      let scale = (cssWidth / base.width) * (window.devicePixelRatio || 1);
      const pixels = base.width * base.height * scale * scale;
      if (pixels > MAX_CANVAS_PIXELS) scale *= Math.sqrt(MAX_CANVAS_PIXELS / pixels);
      const viewport = page.getViewport({ scale });
      // Drawn off screen first, so the shown page never flashes blank while a new zoom is drawn.
      const off = document.createElement('canvas');
      off.width = Math.floor(viewport.width);
      off.height = Math.floor(viewport.height);
      task = page.render({ canvas: off, viewport });
      return task.promise.then(() => {
        if (cancelled) return;
        canvas.width = off.width;
        canvas.height = off.height;
        canvas.getContext('2d')?.drawImage(off, 0, 0);
        done(true);
      });
    })
    .catch(() => {
      if (!cancelled) done(false);
    });
  return () => {
    cancelled = true;
    task?.cancel();
  };
}
