// The extraction thread (see extractor.ts): extraction is pure and takes a second or more on a large
// dossier, so the back end runs it here and keeps answering calls. Built as out/main/extract-thread.js.
import { serveThread } from '../threads';
import { runThisThreadInBackground } from '../thread-priority';
import { computeExtraction } from './case-documents';
import type { ExtractJob } from './extractor';

// Background work: it gives way to the calls the screens wait on (thread-priority.ts).
runThisThreadInBackground();
serveThread<ExtractJob>((job) => Promise.resolve(computeExtraction(job.files, job.previous)));
