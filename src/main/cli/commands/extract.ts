// `claimdesk extract FILE... [--json]`: OCR + classification + field extraction, no database needed.
// --json prints exactly the contract's JSON (docs/contract.md §6).
import type { Command } from 'commander';
import type { ExtractOutput } from '../../../shared/domain/documents';
import { extractFiles } from '../../extraction/extract-files';
import { badInput, emit, endBatch, failWith, shown, type GlobalOptions } from '../output';

function human(out: ExtractOutput): string {
  const lines: string[] = [];
  for (const f of out.files) {
    lines.push(`${shown(f.file)} (${f.pages} page${f.pages === 1 ? '' : 's'})`);
    for (const e of f.errors) lines.push(`  error: ${shown(e)}`);
    for (const d of f.documents) {
      lines.push(`  ${d.type} (${Math.round(d.typeConfidence * 100)}%), page ${d.pages.join(', ')}`);
      for (const [key, field] of Object.entries(d.fields)) {
        const v =
          field.value === null
            ? `— (to key in: ${field.reason ?? 'unsure'})`
            : typeof field.value === 'object'
              ? JSON.stringify(field.value)
              : shown(String(field.value));
        lines.push(`    ${key.padEnd(22)} ${v}${field.value === null ? '' : `  [${Math.round(field.confidence * 100)}%]`}`);
      }
    }
  }
  return lines.join('\n');
}

export function register(extract: Command): void {
  extract.argument('<files...>', 'files to read').action(async (files: string[], _o, cmd: Command) => {
    const opts = cmd.optsWithGlobals<GlobalOptions>();
    if (!files.length) failWith(opts, badInput('Give at least one file to extract.'));
    const out = await extractFiles(files, {
      onFile: (file, i, total) => {
        if (!opts.json && process.stderr.isTTY) process.stderr.write(`read ${i + 1}/${total}: ${shown(file)}\n`);
      },
    });
    emit(opts, out, () => human(out));
    // A file that could not be read has errors and no documents (docs/contract.md §6); one with some
    // pages read has both.
    endBatch(
      out.files.flatMap((f) => f.errors.map((e) => `${f.file}: ${e}`)),
      out.files.filter((f) => !(f.errors.length && !f.documents.length)).length,
    );
  });
}
