// Files arrive in the back end before the call that uses them: a host streams each picked file here
// (browser mode: the request body as it comes; desktop: the bytes the window read), and the call then
// names the upload (`documents.add` files, `participants.import`). A large file therefore never travels
// inside a JSON call, and one that is too large is refused on its own, with its reason, while the others
// go on. Uploads live in <home>/uploads, belong to the user who sent them, are used once, and are
// removed after use or at the next start.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, type ApiError, type Result } from '../shared/api/result';
import { cleanFileName } from '../shared/files/file-name';
import type { UploadReceipt } from '../shared/api/contract';
import { UPLOAD_ID, type UploadKind } from '../shared/api/upload';
import type { Caller } from './auth/caller';
import type { BackendContext } from './context';
import { ocrLimits } from './ocr/config';

/** Participant CSVs up to this size are imported from the screens (larger ones with the command line). */
export const MAX_CSV_UPLOAD_BYTES = 64 * 1024 * 1024;
/** Uploads no call took within this time are removed at the next start. */
const STALE_MS = 24 * 60 * 60 * 1000;

interface Open {
  file: string;
  bytes: number;
  limit: number;
  writes: Promise<void>;
  handle: fs.promises.FileHandle;
}

export class Uploads {
  private readonly open = new Map<string, Open>();

  constructor(private readonly dir: string) {}

  /** Opens an upload of at most `limit` bytes. */
  async begin(owner: number, limit: number): Promise<string> {
    await fs.promises.mkdir(this.dir, { recursive: true });
    const upload = crypto.randomBytes(16).toString('hex');
    const file = path.join(this.dir, `${owner}-${upload}.part`);
    const handle = await fs.promises.open(file, 'wx', 0o600);
    this.open.set(upload, { file, bytes: 0, limit, writes: Promise.resolve(), handle });
    return upload;
  }

  /** Adds bytes; past its limit the upload is removed and refused as too large. */
  async append(upload: string, data: Uint8Array): Promise<number> {
    const o = this.opened(upload);
    o.bytes += data.byteLength;
    if (o.bytes > o.limit) {
      await this.abort(upload);
      throw new AppError('too_large', `The file is larger than the upload limit of ${o.limit} bytes.`, { reason: 'bytes', limit: o.limit });
    }
    o.writes = o.writes.then(() => o.handle.write(data).then(() => undefined));
    await o.writes;
    return o.bytes;
  }

  async end(upload: string): Promise<UploadReceipt> {
    const o = this.opened(upload);
    this.open.delete(upload);
    await o.writes;
    await o.handle.close();
    await fs.promises.rename(o.file, o.file.slice(0, -'.part'.length));
    return { upload, bytes: o.bytes };
  }

  async abort(upload: string): Promise<void> {
    const o = this.open.get(upload);
    if (!o) return;
    this.open.delete(upload);
    await o.writes.catch(() => undefined);
    await o.handle.close().catch(() => undefined);
    await fs.promises.rm(o.file, { force: true });
  }

  /** The bytes of a finished upload of `owner`, removed from the store: an upload is used once. */
  async take(owner: number | null, upload: string, limit: number, givenName: string): Promise<Buffer> {
    const name = cleanFileName(givenName);
    const file = owner !== null && UPLOAD_ID.test(upload) ? path.join(this.dir, `${owner}-${upload}`) : null;
    const stat = file ? await fs.promises.stat(file).catch(() => null) : null;
    if (!file || !stat?.isFile()) {
      // Refused like a bad file: the call's other files still go on.
      throw new AppError('invalid_input', `The upload of ${name} is not here any more; add the file again.`, { file: name, reason: 'upload_gone' });
    }
    try {
      if (stat.size > limit) {
        throw new AppError('too_large', `${name} is larger than the upload limit of ${limit} bytes.`, { file: name, reason: 'bytes', limit });
      }
      return await fs.promises.readFile(file);
    } finally {
      await fs.promises.rm(file, { force: true });
    }
  }

  /** Removes what no call took: uploads left by a stopped app, or older than a day. */
  async sweep(now = Date.now()): Promise<number> {
    const names = await fs.promises.readdir(this.dir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.dir, name);
      const stat = await fs.promises.stat(file).catch(() => null);
      const inUse = [...this.open.values()].some((o) => o.file === file);
      if (stat && !inUse && (name.endsWith('.part') || now - stat.mtimeMs > STALE_MS)) {
        await fs.promises.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  async close(): Promise<void> {
    await Promise.all([...this.open.keys()].map((u) => this.abort(u)));
  }

  private opened(upload: string): Open {
    const o = this.open.get(upload);
    if (!o) throw new AppError('not_found', 'This upload has ended; send the file again.', { reason: 'upload_gone' });
    return o;
  }
}

export const uploadLimit = (kind: UploadKind): number => (kind === 'document' ? ocrLimits().maxUploadBytes : MAX_CSV_UPLOAD_BYTES);

/** The bytes of an upload the caller sent (uploads are the sender's own). */
export function takeUpload(ctx: BackendContext, caller: Caller, upload: string, kind: UploadKind, name: string): Promise<Buffer> {
  return getUploads(ctx).take(caller.kind === 'user' ? caller.userId : null, upload, uploadLimit(kind), name);
}

export function getUploads(ctx: BackendContext): Uploads {
  return ctx.service(
    'uploads',
    () => new Uploads(path.join(ctx.home, 'uploads')),
    (u) => u.close(),
  );
}

/** How much of a refused request body is still read so its sender gets the answer; past this the
 * connection is cut (a sender that never stops must not keep the host reading). */
export const DRAIN_LIMIT_BYTES = 128 * 1024 * 1024;

/** Sends `chunks` to an upload sink in pieces of about `piece` bytes (fewer round trips to a back end in
 * another process); on a refusal the rest of the chunks are still read, up to `drainLimit` bytes (a
 * request body is drained, so the sender gets the answer instead of a reset connection). */
export async function sendUpload(
  sink: UploadSink,
  kind: UploadKind,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  piece = 1024 * 1024,
  drainLimit = DRAIN_LIMIT_BYTES,
): Promise<Result<UploadReceipt>> {
  let drained = 0;
  /** Reads a refused body's next chunk; false once the limit is passed (stop reading). */
  const drain = (chunk: Uint8Array): boolean => (drained += chunk.byteLength) <= drainLimit;
  const begun = await sink.begin(kind);
  if (!begun.ok) {
    for await (const chunk of chunks) if (!drain(chunk)) break;
    return begun;
  }
  const upload = begun.value.upload;
  let pending: Uint8Array[] = [];
  let size = 0;
  let failed: ApiError | null = null;
  const flush = async (): Promise<void> => {
    if (!size || failed) return;
    const data = pending.length === 1 ? (pending[0] as Uint8Array) : Buffer.concat(pending);
    pending = [];
    size = 0;
    const r = await sink.append(upload, data);
    if (!r.ok) failed = r.error;
  };
  try {
    for await (const chunk of chunks) {
      if (failed) {
        if (!drain(chunk)) break;
        continue;
      }
      pending.push(chunk);
      size += chunk.byteLength;
      if (size >= piece) await flush();
    }
    await flush();
  } catch (err) {
    await sink.abort(upload);
    throw err;
  }
  if (failed) {
    await sink.abort(upload);
    return { ok: false, error: failed };
  }
  return sink.end(upload);
}

/** One upload's steps as a host sees them: the back end in this process or in its own. */
export interface UploadSink {
  begin(kind: UploadKind): Promise<Result<{ upload: string }>>;
  append(upload: string, data: Uint8Array): Promise<Result<{ bytes: number }>>;
  end(upload: string): Promise<Result<UploadReceipt>>;
  abort(upload: string): Promise<void>;
}
