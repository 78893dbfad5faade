// One exit-code scheme for every command (README, "Command line"): 0 every input used, 2 bad input with
// nothing done, 4 some inputs failed and the rest done. The same batch gives the same code from `ocr`,
// `extract`, `verify` and `participants import`. The real binary on real files.
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvHeader, csvLine, participantsCsv, syntheticPeople } from '../fixtures/participants/csv';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-home';

const work = tempDir('claimdesk-exits-');
const home = path.join(work.dir, 'home');
const file = (name: string): string => path.join(work.dir, name);
const [person, other] = syntheticPeople(73, 2);

/** A PDF with a text layer: read without OCR, so the batches stay quick. */
async function textPdf(line: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawText(line, { x: 60, y: 760, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await pdf.save());
}

beforeAll(async () => {
  fs.writeFileSync(file('good.pdf'), await textPdf('SURAT KETERANGAN AHLI WARIS'));
  fs.writeFileSync(file('html.pdf'), '<!doctype html><html><body>a web page saved as .pdf</body></html>');
  fs.writeFileSync(file('people.csv'), participantsCsv([person!]));
  fs.writeFileSync(file('one-bad-line.csv'), [csvHeader(), csvLine(other!), '"not","a","participant"'].join('\n') + '\n');
  fs.writeFileSync(file('all-bad-lines.csv'), [csvHeader(), '"not","a","participant"', '"nor","this"'].join('\n') + '\n');
  expect(runCli(['--home', home, 'participants', 'import', file('people.csv')]).status).toBe(0);
});
afterAll(() => work.cleanup());

const verify = (...files: string[]): string[] => ['--home', home, 'verify', '--claim-type', 'JKK', '--kpj', person!.nomor_kpj, ...files];
const ocr = (...files: string[]): string[] => ['ocr', '--workers', '1', ...files];
const extract = (...files: string[]): string[] => ['extract', ...files];

describe('exit codes', () => {
  it('a batch where one file is bad: 4 from ocr, extract and verify, the good file still printed, the bad one named on stderr', () => {
    for (const [command, args] of [
      ['ocr', ocr(file('good.pdf'), file('html.pdf'))],
      ['extract', extract(file('good.pdf'), file('html.pdf'))],
      ['verify', verify(file('good.pdf'), file('html.pdf'))],
    ] as const) {
      const run = runCli(['--json', ...args]);
      expect(run.status, `${command}: ${run.stderr}`).toBe(4);
      expect(run.stderr, command).toMatch(/claimdesk: .*html\.pdf/);
      const out = JSON.parse(run.stdout) as { files?: { file: string; errors: string[] }[]; documents?: { file: string }[]; errors?: { file: string }[] };
      if (command === 'verify') {
        expect(out.errors?.map((e) => path.basename(e.file))).toEqual(['html.pdf']);
      } else {
        expect(out.files?.map((f) => [f.file, f.errors.length > 0])).toEqual([
          ['good.pdf', false],
          ['html.pdf', true],
        ]);
      }
    }
  });

  it('the same batch in text mode gives the same code', () => {
    for (const args of [ocr(file('good.pdf'), file('html.pdf')), extract(file('good.pdf'), file('html.pdf')), verify(file('good.pdf'), file('html.pdf'))])
      expect(runCli(args).status, args[0]).toBe(4);
  });

  it('every file bad: 2 from each, nothing done', () => {
    for (const args of [ocr(file('html.pdf')), extract(file('html.pdf')), verify(file('html.pdf'))]) {
      const run = runCli(args);
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toMatch(/html\.pdf/);
    }
  });

  it('every file good: 0 from each', () => {
    for (const args of [ocr(file('good.pdf')), extract(file('good.pdf')), verify(file('good.pdf'))]) {
      const run = runCli(args);
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stderr).not.toMatch(/claimdesk:/);
    }
  });

  it('participants import: 4 when some lines are rejected and the rest imported, 2 when no line could be used', () => {
    const some = runCli(['--home', home, '--json', 'participants', 'import', file('one-bad-line.csv')]);
    expect(some.status, some.stderr).toBe(4);
    expect(JSON.parse(some.stdout)).toMatchObject({ inserted: 1, errors: [{ line: 3 }] });
    expect(some.stderr).toMatch(/one-bad-line\.csv: 1 line\(s\) rejected/);
    const none = runCli(['--home', home, 'participants', 'import', file('all-bad-lines.csv')]);
    expect(none.status, none.stderr).toBe(2);
    expect(runCli(['--home', home, 'participants', 'import', file('people.csv')]).status).toBe(0);
  });

  it('usage errors are 2, and --help lists the scheme', () => {
    expect(runCli(['ocr']).status).toBe(2);
    expect(runCli(['no-such-command']).status).toBe(2);
    expect(runCli(['--home', home, 'verify', '--claim-type', 'XYZ', '--kpj', person!.nomor_kpj, file('good.pdf')]).status).toBe(2);
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Exit codes \(every command\):\n\s+0 {2}done/);
    expect(help.stdout).toMatch(/\n\s+4 {2}partly done/);
  });
});
