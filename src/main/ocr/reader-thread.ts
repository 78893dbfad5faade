// A page-reader thread (see readers.ts): the page pipeline with a tesseract worker of its own, answering
// the back end's requests one at a time. Built as out/main/reader-thread.js.
import { workerData } from 'node:worker_threads';
import { serveThread } from '../threads';
import { runThisThreadInBackground } from '../thread-priority';
import { createOcrPool } from './pool';
import { inProcessReaders, type ReaderJob, type ReaderNotice, type ReaderThreadData } from './readers';

const data = workerData as ReaderThreadData;
// Reading for the case pipeline is background work: it gives way to the calls the screens wait on.
if (data.background) runThisThreadInBackground();

// tesseract starts with the first page to read: a thread that only renders previews never loads it.
const readers = inProcessReaders(() => createOcrPool({ size: 1, ...(data.languages ? { languages: data.languages } : {}), warmUp: data.warmUp }), data.limits);

serveThread<ReaderJob, ReaderNotice>(
  (job, signal) => {
    switch (job.op) {
      case 'count':
        return readers.pageCount(job.file);
      case 'inspect':
        return readers.inspect(job.file, job.limits);
      case 'read':
        return readers.read(job.file, job.page, signal);
      case 'preview':
        return readers.preview(job.file, job.page);
    }
  },
  (notice) => (notice.op === 'start' ? readers.start() : readers.release(notice.key)),
);
