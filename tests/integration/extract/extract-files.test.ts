// `extractFiles` and `claimdesk extract --json` on a generated multi-document PDF read by the real OCR
// engine: the output is the contract's JSON, documents and key fields match the ground truth, and bad
// files are reported without stopping the others.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractOutputSchema, type ExtractOutput } from '../../../src/shared/domain/documents';
import { extractFiles } from '../../../src/main/extraction/extract-files';
import { generateDossier, type GeneratedFile } from '../../../tools/synth/index';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-home';

let dir: string;
let cleanup: () => void;
let bundle: GeneratedFile;
let out: ExtractOutput;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('claimdesk-extract-'));
  // Clean renders keep the OCR share of the test short; degraded scans are measured by the benchmark.
  const d = await generateDossier(4242, { claimType: 'JKK', degradations: ['clean'], otherPages: false });
  const pdfs = d.files.filter((f) => f.mime === 'application/pdf' && f.truth.documents.length >= 2);
  bundle = pdfs.sort((a, b) => a.truth.documents.flatMap((x) => x.pages).length - b.truth.documents.flatMap((x) => x.pages).length)[0] as GeneratedFile;
  fs.writeFileSync(path.join(dir, bundle.name), bundle.bytes);
  fs.writeFileSync(path.join(dir, 'broken.pdf'), Buffer.from('%PDF-1.4 this is not really a pdf'));
  out = await extractFiles([path.join(dir, bundle.name), path.join(dir, 'broken.pdf'), path.join(dir, 'missing.jpg')]);
}, 240_000);

afterAll(() => cleanup());

describe('extractFiles', () => {
  it('prints exactly the contract JSON, one entry per input file in order', () => {
    expect(extractOutputSchema.strict().parse(out)).toBeTruthy();
    expect(out.files.map((f) => f.file)).toEqual([bundle.name, 'broken.pdf', 'missing.jpg']);
  });

  it('splits the bundle into its documents with the right types and pages', () => {
    const f = out.files[0]!;
    expect(f.errors).toEqual([]);
    expect(f.pages).toBe(bundle.truth.documents.flatMap((d) => d.pages).length);
    expect(f.documents.map((d) => [d.type, d.pages])).toEqual(bundle.truth.documents.map((d) => [d.type, d.pages]));
  });

  it('fills the key fields with the ground truth, each with page and box, and fills nothing wrongly', () => {
    const f = out.files[0]!;
    let total = 0;
    let correct = 0;
    bundle.truth.documents.forEach((t, i) => {
      const doc = f.documents[i]!;
      for (const [key, expected] of Object.entries(t.fields)) {
        total++;
        const got = doc.fields[key];
        if (got?.value === null || got === undefined) continue;
        expect(got.value, `${t.type}.${key}`).toEqual(expected);
        expect(t.pages).toContain(got.page);
        expect(got.bbox).not.toBeNull();
        correct++;
      }
    });
    expect(correct / total).toBeGreaterThan(0.85);
  });

  it('reports unreadable and missing files in errors with no documents', () => {
    for (const f of out.files.slice(1)) {
      expect(f.errors.length).toBeGreaterThan(0);
      expect(f.documents).toEqual([]);
      expect(f.pages).toBe(0);
    }
  });
});

describe('claimdesk extract', () => {
  it('--json prints the contract JSON; all-bad input exits non-zero with the errors', () => {
    const bad = runCli(['extract', '--json', path.join(dir, 'broken.pdf')]);
    expect(bad.status).toBe(2);
    const parsed = extractOutputSchema.parse(JSON.parse(bad.stdout));
    expect(parsed.files[0]?.errors.length).toBeGreaterThan(0);
    const none = runCli(['extract', '--json']);
    expect(none.status).not.toBe(0);
  });
});
