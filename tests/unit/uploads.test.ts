// The back end's upload store (src/main/uploads.ts) on a real folder: limits while the bytes arrive, one
// owner, one use, and what a stopped app left behind removed at the next start.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sendUpload, Uploads, type UploadSink } from '../../src/main/uploads';
import type { UploadKind } from '../../src/shared/api/upload';
import { tempDir } from '../helpers/temp-home';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function store(): { uploads: Uploads; dir: string } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const dir = path.join(t.dir, 'uploads');
  return { uploads: new Uploads(dir), dir };
}

/** The store as a host's sink for one owner, with one limit for every kind. */
const sinkOf = (uploads: Uploads, owner: number, limit: number): UploadSink => ({
  begin: async (_kind: UploadKind) => ({ ok: true, value: { upload: await uploads.begin(owner, limit) } }),
  append: async (u, d) => {
    try {
      return { ok: true, value: { bytes: await uploads.append(u, d) } };
    } catch (err) {
      return { ok: false, error: { code: 'too_large', message: String(err) } };
    }
  },
  end: async (u) => ({ ok: true, value: await uploads.end(u) }),
  abort: (u) => uploads.abort(u),
});

describe('upload store', () => {
  it('keeps the bytes as sent, in pieces, for their owner, once', async () => {
    const { uploads, dir } = store();
    const chunks = Array.from({ length: 40 }, (_v, i) => Buffer.alloc(10_000, i));
    const r = await sendUpload(sinkOf(uploads, 7, 1_000_000), 'document', chunks, 64 * 1024);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.bytes).toBe(400_000);
    await expect(uploads.take(8, r.value.upload, 1_000_000, 'a.pdf')).rejects.toMatchObject({ code: 'invalid_input', params: { reason: 'upload_gone' } });
    expect(await uploads.take(7, r.value.upload, 1_000_000, 'a.pdf')).toEqual(Buffer.concat(chunks));
    await expect(uploads.take(7, r.value.upload, 1_000_000, 'a.pdf')).rejects.toMatchObject({ params: { reason: 'upload_gone' } });
    await expect(uploads.take(7, '../../etc/passwd', 1_000_000, 'a.pdf')).rejects.toMatchObject({ params: { reason: 'upload_gone' } });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a file as soon as it passes its limit, keeps nothing of it, and reads the rest of the sender’s bytes', async () => {
    const { uploads, dir } = store();
    let read = 0;
    function* chunks(): Generator<Buffer> {
      for (let i = 0; i < 30; i++) {
        read++;
        yield Buffer.alloc(100_000);
      }
    }
    const r = await sendUpload(sinkOf(uploads, 7, 1_000_000), 'document', chunks(), 100_000);
    expect(r).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(read).toBe(30);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('stops reading a refused sender that never stops, once the drain limit is passed', async () => {
    const { uploads, dir } = store();
    let read = 0;
    function* endless(): Generator<Buffer> {
      for (;;) {
        read++;
        yield Buffer.alloc(100_000);
      }
    }
    // Refused past 1 MB; the rest is read up to the 3 MB drain limit, then no more.
    const r = await sendUpload(sinkOf(uploads, 7, 1_000_000), 'document', endless(), 100_000, 3_000_000);
    expect(r).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(read).toBeGreaterThan(30);
    expect(read).toBeLessThanOrEqual(42);
    // Refused at once (signed out): read up to the limit too.
    read = 0;
    const refused: UploadSink = { ...sinkOf(uploads, 7, 1_000_000), begin: async () => ({ ok: false, error: { code: 'unauthorized', message: 'no' } }) };
    expect(await sendUpload(refused, 'document', endless(), 100_000, 3_000_000)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(read).toBe(31);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a taken upload over the call’s own limit is refused and removed', async () => {
    const { uploads, dir } = store();
    const u = await uploads.begin(7, 10_000);
    await uploads.append(u, Buffer.alloc(5_000));
    await uploads.end(u);
    await expect(uploads.take(7, u, 4_000, 'scan.png')).rejects.toMatchObject({ code: 'too_large', params: { file: 'scan.png', limit: 4_000 } });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('at start, removes unfinished uploads and ones no call took for a day', async () => {
    const { uploads, dir } = store();
    const unfinished = await uploads.begin(7, 10_000);
    await uploads.append(unfinished, Buffer.alloc(10));
    const fresh = await uploads.begin(7, 10_000);
    await uploads.end(fresh);
    const old = await uploads.begin(7, 10_000);
    await uploads.end(old);
    const day = 24 * 60 * 60 * 1000;
    fs.utimesSync(path.join(dir, `7-${old}`), new Date(Date.now() - 2 * day), new Date(Date.now() - 2 * day));
    // A new store, as at the next start: the unfinished upload is no one's any more.
    expect(await new Uploads(dir).sweep()).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([`7-${fresh}`]);
    await uploads.close();
  });
});
