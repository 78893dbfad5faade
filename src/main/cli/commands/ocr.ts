// `claimdesk ocr FILE... [--json]`: every page's words with boxes and confidences, and the page's
// quality, without a database. Unreadable files are reported and the others still read.
import os from 'node:os';
import type { Command } from 'commander';
import type { OcrPage } from '../../../shared/domain/ocr';
import { readFile, type ReadFileResult } from '../../ocr/read-file';
import { threadedReaders } from '../../ocr/readers';
import { emit, endBatch, shown, type GlobalOptions } from '../output';

export function register(ocr: Command): void {
  ocr
    .argument('<files...>', 'files to read')
    .option('--workers <n>', 'pages read at once (default: one per core)', (v) => Number.parseInt(v, 10))
    .option('--lang <langs>', 'OCR languages, +-separated (default ind+eng)')
    .action(async (files: string[], o: { workers?: number; lang?: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const readers = threadedReaders({
        size: o.workers && o.workers > 0 ? o.workers : os.availableParallelism(),
        ...(o.lang ? { languages: o.lang.split('+') } : {}),
      });
      const results: ReadFileResult[] = new Array(files.length);
      try {
        // Files side by side (pages of one file already are), so single-page images keep every worker busy.
        let next = 0;
        const lane = async (): Promise<void> => {
          for (let i = next++; i < files.length; i = next++) results[i] = await readFile(files[i] as string, { readers });
        };
        await Promise.all(Array.from({ length: Math.min(files.length, readers.size) }, lane));
      } finally {
        await readers.terminate();
      }
      emit(opts, { files: results }, () => results.map(describeFile).join('\n\n'));
      endBatch(
        results.flatMap((r) => r.errors.map((e) => `${r.file}: ${e}`)),
        results.filter((r) => r.pages.length > 0).length,
      );
    });
}

function describeFile(r: ReadFileResult): string {
  const head = `${shown(r.file)}: ${r.pages.length} page(s)${r.errors.length ? `; errors: ${r.errors.map(shown).join('; ')}` : ''}`;
  return [head, ...r.pages.map(describePage)].join('\n');
}

function describePage(p: OcrPage): string {
  const q = p.quality;
  const verdict = q.poor ? `POOR (${q.reasons.join(', ')}): key this page by hand` : 'ok';
  const lines = [
    `--- page ${p.page} (${p.width}×${p.height} px, ${p.source}, quality ${q.score.toFixed(2)} ${verdict}, ` +
      `confidence ${q.meanConfidence.toFixed(2)}, contrast ${q.contrast.toFixed(2)}, dpi ${q.dpi ?? '?'}, ${p.timings.total ?? '?'} ms)`,
  ];
  for (const line of p.lines) {
    for (const w of line.words) {
      lines.push(`${shown(w.text).padEnd(24)} ${w.confidence.toFixed(2)}  [${w.bbox.join(', ')}]`);
    }
  }
  return lines.join('\n');
}
