// A page-reader thread (see readers.ts): the page pipeline with a tesseract worker of its own, answering
// the back end's requests one at a time. Built as out/main/reader-thread.js.
import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../api-error';
import { createOcrPool } from './pool';
import { inProcessReaders, type ReaderReply, type ReaderRequest, type ReaderThreadData } from './readers';

const data = workerData as ReaderThreadData;
const port = parentPort;
if (!port) throw new Error('reader-thread runs as a worker thread');

// tesseract starts with the first page to read: a thread that only renders previews never loads it.
const readers = inProcessReaders(() => createOcrPool({ size: 1, ...(data.languages ? { languages: data.languages } : {}), warmUp: data.warmUp }), data.limits);
const running = new Map<number, AbortController>();
const log = (m: string): void => void process.stderr.write(`${m}\n`);

port.on('message', (m: ReaderRequest) => {
  if (m.op === 'cancel') return void running.get(m.id)?.abort();
  if (m.op === 'release') return readers.release(m.key);
  if (m.op === 'start') return readers.start();
  const controller = new AbortController();
  running.set(m.id, controller);
  const work = ((): Promise<unknown> => {
    switch (m.op) {
      case 'count':
        return readers.pageCount(m.file);
      case 'inspect':
        return readers.inspect(m.file, m.limits);
      case 'read':
        return readers.read(m.file, m.page, controller.signal);
      case 'preview':
        return readers.preview(m.file, m.page);
    }
  })();
  work
    .then(
      (value) => port.postMessage({ id: m.id, ok: true, value } satisfies ReaderReply),
      (err: unknown) => port.postMessage({ id: m.id, ok: false, error: toApiError(err, log) } satisfies ReaderReply),
    )
    .finally(() => running.delete(m.id));
});
