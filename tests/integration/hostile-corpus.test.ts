// The hostile corpus (issue 16 item 9, tests/fixtures/hostile/corpus.ts): every file through intake, one
// at a time and all in one browser-mode batch beside a good file, then through `claimdesk ocr`. Each bad
// file is refused with its code and a reason the screens can say in Indonesian and English, nothing of it
// is stored, the good files of the same batch are added, the process keeps its memory, and the database
// and the audit chain stay intact. Real SQLite, real page-reader threads, the real host and binary.
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/main/audit/chain';
import type { BackendContext } from '../../src/main/context';
import { addFilesToCase } from '../../src/main/intake/intake';
import { cancelCaseOcr } from '../../src/main/ocr/case-ocr';
import { createCase } from '../../src/main/services/cases';
import { en } from '../../src/renderer/i18n/en';
import { id } from '../../src/renderer/i18n/id';
import { errorText } from '../../src/renderer/i18n/index';
import { AppError, type ErrorCode } from '../../src/shared/api/result';
import { cleanFileName } from '../../src/shared/files/file-name';
import { buildHostileCorpus, textPdf, type CorpusFile } from '../fixtures/hostile/corpus';
import { runCli } from '../helpers/cli';
import { Tab } from '../helpers/http';
import { localHostWithOfficer, type LocalHost } from '../helpers/local-host';
import { tempContext, tempDir } from '../helpers/temp-home';
import { structuralProblems } from '../helpers/store';

/** Unsafe characters a terminal or a bidi renderer would act on (a text's own newlines aside). */
// eslint-disable-next-line no-control-regex
const RAW_UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** How the command line's English message says each reason. */
const SAID: Record<string, RegExp> = {
  empty: /is empty \(0 bytes\)/,
  corrupt: /damaged|not a readable PDF/,
  password: /password-protected/,
  format: /not a scanned document/,
  pixels: /pixels/,
  unpacked: /once unpacked/,
  structure: /bytes of PDF objects/,
  pages: /has \d+ pages; the limit is 300/,
};
/** The target for the back end's peak memory (bench/hostile.ts). */
const PEAK_LIMIT_MB = 1536;

type Refused = CorpusFile & { expect: { refused: { code: ErrorCode; reason: string } } };
type Accepted = CorpusFile & { expect: { accepted: { name: string; format: string; pages: number } } };

let corpus: CorpusFile[];
let refused: Refused[];
let accepted: Accepted[];
let buildMs: number;
const work = tempDir('claimdesk-hostile-');

beforeAll(async () => {
  const t = performance.now();
  corpus = await buildHostileCorpus();
  buildMs = performance.now() - t;
  refused = corpus.filter((f): f is Refused => 'refused' in f.expect);
  accepted = corpus.filter((f): f is Accepted => 'accepted' in f.expect);
  await i18next.init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: 'id',
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
});
afterAll(() => work.cleanup());

const count = (ctx: BackendContext, sql: string, ...args: unknown[]): number =>
  ctx.db
    .prepare(sql)
    .pluck()
    .get(...args) as number;
/** Every file under the data folder's originals, relative to it. */
const originals = (home: string): string[] =>
  fs.existsSync(path.join(home, 'originals'))
    ? (fs.readdirSync(path.join(home, 'originals'), { recursive: true }) as string[])
        .filter((f) => fs.statSync(path.join(home, 'originals', f)).isFile())
        .map((f) => path.join('originals', f))
        .sort()
    : [];

/** The process's peak resident memory so far in MB (Linux), or 0 where it cannot be read. */
function peakMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

describe('the hostile corpus', () => {
  it('holds at least 20 distinct files, plain and crafted, built in seconds', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    expect(new Set(corpus.map((f) => f.name)).size).toBe(corpus.length);
    expect(new Set(corpus.map((f) => f.bytes.toString('base64'))).size).toBe(corpus.length);
    expect(refused.length).toBeGreaterThanOrEqual(20);
    expect(new Set(corpus.flatMap((f) => (f.crafted ? [f.crafted] : [])))).toEqual(new Set(['inflate-bomb', 'huge-image', 'blank-pages']));
    // Every reason a file can be refused for is in the corpus.
    expect(new Set(refused.map((f) => f.expect.refused.reason))).toEqual(new Set(Object.keys(SAID)));
    // Small files: the bombs are in what they unpack to, not in their size.
    for (const f of corpus) expect(f.bytes.length, f.name).toBeLessThan(10 * 1024 * 1024);
    expect(buildMs).toBeLessThan(15_000);
  });

  it('at intake, each bad file is refused with its code and reason, said in both languages, and nothing of it is stored', async () => {
    const t = tempContext();
    try {
      const c = createCase(t.ctx, { claimType: 'JKM', notes: '' });
      for (const f of corpus) {
        const name = cleanFileName(f.name);
        const result = await addFilesToCase(t.ctx, c.id, [{ name: f.name, bytes: f.bytes }]).catch((e: unknown) => e);
        if ('accepted' in f.expect) {
          expect(result, f.name).toMatchObject([{ name: f.expect.accepted.name, format: f.expect.accepted.format, pageCount: f.expect.accepted.pages }]);
          continue;
        }
        const { code, reason } = f.expect.refused;
        expect(result, `${f.name} (${f.what})`).toBeInstanceOf(AppError);
        const err = result as AppError;
        expect({ code: err.code, reason: err.params?.reason, file: err.params?.file }, f.name).toEqual({ code, reason, file: name });
        expect(err.message, f.name).toContain(name);
        expect(err.message, f.name).toMatch(SAID[reason]!);
        // The screens say why in the officer's language: the reason's own sentence, naming the file.
        for (const lang of ['id', 'en']) {
          await i18next.changeLanguage(lang);
          expect(i18next.exists(`errors.file.${reason}`) || i18next.exists(`errors.why.${reason}`), `${lang}: ${reason}`).toBe(true);
          const said = errorText({ code: err.code, message: err.message, params: err.params! });
          expect(said, `${lang}: ${f.name}`).toContain(name);
          expect(said, `${lang}: ${f.name}`).not.toBe(i18next.t(`errors.${code}`));
        }
      }
      // Only the accepted files are in the case and the store, each original under its hash, inside the data folder.
      const rows = t.ctx.db
        .prepare(`SELECT f.sha256, f.stored_path, cf.original_name FROM files f JOIN case_files cf ON cf.file_id = f.id ORDER BY f.id`)
        .all() as {
        sha256: string;
        stored_path: string;
        original_name: string;
      }[];
      expect(rows.map((r) => r.original_name)).toEqual(accepted.map((f) => f.expect.accepted.name));
      expect(count(t.ctx, `SELECT count(*) FROM files`)).toBe(accepted.length);
      expect(originals(t.dir)).toEqual(rows.map((r) => r.stored_path).sort());
      for (const r of rows) {
        expect(r.stored_path).toMatch(new RegExp(`^originals/.*${r.sha256}\\.(pdf|png|jpg|jpeg|tiff?)$`));
        expect(path.resolve(t.dir, r.stored_path).startsWith(`${t.dir}${path.sep}`)).toBe(true);
      }
      expect(count(t.ctx, `SELECT count(*) FROM page_ocr`)).toBe(accepted.reduce((n, f) => n + f.expect.accepted.pages, 0));
      expect(structuralProblems(t.ctx.db)).toEqual([]);
      // Nothing blew the memory up (the page-reader threads are in this process).
      const peak = peakMb();
      expect(peak, `peak ${peak} MB`).toBeLessThan(PEAK_LIMIT_MB);
    } finally {
      await t.cleanup();
    }
  });

  describe('in one browser-mode batch beside a good file', () => {
    let local: LocalHost;
    let ctx: BackendContext;
    let home: string;
    let tab: Tab;

    beforeAll(async () => {
      local = await localHostWithOfficer();
      ({ ctx, home, tab } = local);
    });
    afterAll(async () => local.close());

    it('adds the good files, reports each bad one with its code and reason, and leaves the data intact', async () => {
      const kase = await tab.call('cases.create', { claimType: 'JKK', notes: '' });
      if (!kase.ok) throw new Error(kase.error.message);
      const caseId = (kase.value as { id: number }).id;
      const good = { name: 'surat-ahli-waris.pdf', bytes: await textPdf('SURAT KETERANGAN AHLI WARIS  Nama Almarhum : SITI AMINAH') };
      // Each file streamed to /api/upload as the screens send a picked file, then all named in one call.
      const files: { name: string; upload: string }[] = [];
      for (const f of [...corpus, good]) {
        const sent = await tab.upload('document', f.bytes);
        expect(sent.result, f.name).toMatchObject({ ok: true, value: { bytes: f.bytes.length } });
        if (sent.result.ok) files.push({ name: f.name, upload: sent.result.value.upload });
      }
      const answer = await tab.call('documents.add', { caseId, files });
      await cancelCaseOcr(ctx, caseId);
      expect(answer.ok, JSON.stringify(answer)).toBe(true);
      if (!answer.ok) return;
      const value = answer.value as {
        added: { name: string; pageCount: number }[];
        rejected: { name: string; code: string; reason?: string; message: string }[];
      };
      expect(value.added.map((a) => [a.name, a.pageCount])).toEqual([
        ...accepted.map((f) => [f.expect.accepted.name, f.expect.accepted.pages]),
        [good.name, 1],
      ]);
      expect(value.rejected.map((r) => [r.name, r.code, r.reason])).toEqual(
        refused.map((f) => [cleanFileName(f.name), f.expect.refused.code, f.expect.refused.reason]),
      );
      for (const r of value.rejected) expect(r.message).toContain(r.name);
      expect(JSON.stringify(answer)).not.toMatch(RAW_UNSAFE);

      // The case lists what was added, under the cleaned names.
      const listed = await tab.call('documents.list', { caseId });
      expect(listed.ok && (listed.value as { files: { name: string }[] }).files.map((f) => f.name)).toEqual(value.added.map((a) => a.name));
      // Nothing of the refused files is stored, and no upload is left behind.
      expect(count(ctx, `SELECT count(*) FROM files`)).toBe(accepted.length + 1);
      expect(originals(home)).toHaveLength(accepted.length + 1);
      expect(fs.readdirSync(path.join(home, 'uploads'))).toEqual([]);
      // Audited: each added file, and the refused ones with their reasons.
      expect(count(ctx, `SELECT count(*) FROM audit_log WHERE action = 'documents.add' AND case_id = ?`, caseId)).toBe(accepted.length + 1);
      const rejected = ctx.db.prepare(`SELECT detail FROM audit_log WHERE action = 'documents.rejected' AND case_id = ?`).pluck().get(caseId) as string;
      expect((JSON.parse(rejected) as { rejected: { name: string; reason: string }[] }).rejected.map((r) => [r.name, r.reason])).toEqual(
        refused.map((f) => [cleanFileName(f.name), f.expect.refused.reason]),
      );
      // The back end still answers, and its database and audit chain are intact.
      expect(await tab.call('cases.get', { id: caseId })).toMatchObject({ ok: true });
      expect(structuralProblems(ctx.db)).toEqual([]);
      expect(verifyAuditChain(ctx.db)).toMatchObject({ ok: true, firstBroken: null });
    });
  });

  describe('through claimdesk ocr', () => {
    /** Writes the files under their own names where a file may have them (not a NUL, not a path). */
    const onDisk = (files: CorpusFile[]): string[] =>
      files.flatMap((f) => {
        if (f.diskName === null) return [];
        const file = path.join(work.dir, f.diskName ?? f.name);
        fs.writeFileSync(file, f.bytes);
        return [file];
      });

    it('every bad file: no page read, its reason said, exit code 2, no crash', () => {
      const run = runCli(['--json', 'ocr', '--workers', '1', ...onDisk(refused)]);
      expect(run.status, run.stderr).toBe(2);
      // Refused, never failed: no internal error, no page reader that died.
      expect(run.stderr).not.toMatch(/internal error|out of memory|stopped \(|Aborted|Segmentation/i);
      const out = JSON.parse(run.stdout) as { files: { file: string; pages: unknown[]; errors: string[] }[] };
      expect(out.files.map((f) => f.file)).toEqual(refused.map((f) => f.name));
      for (const [i, f] of refused.entries()) {
        const got = out.files[i]!;
        expect(got.pages, f.name).toEqual([]);
        expect(got.errors.join(' '), f.name).toMatch(SAID[f.expect.refused.reason]!);
        expect(run.stderr, f.name).toContain(`claimdesk: ${f.name}: `);
      }
    });

    it('the accepted files read, named cleaned, beside a bad one: exit code 4, nothing raw on the terminal', () => {
      const readable = accepted.filter((f) => f.diskName !== null);
      const html = refused.find((f) => f.name === 'html.pdf')!;
      const run = runCli(['ocr', '--workers', '1', ...onDisk([...readable, html])]);
      expect(run.status, run.stderr).toBe(4);
      expect(run.stdout).not.toMatch(RAW_UNSAFE);
      expect(run.stderr).not.toMatch(RAW_UNSAFE);
      for (const f of readable) {
        const shown = f.diskName ? cleanFileName(f.diskName) : f.expect.accepted.name;
        expect(run.stdout, f.name).toContain(`${shown}: ${f.expect.accepted.pages} page(s)\n`);
      }
      expect(run.stderr).toMatch(/claimdesk: html\.pdf: .*not a scanned document/);
    });
  });
});
