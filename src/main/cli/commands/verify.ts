// `claimdesk verify --claim-type T --kpj N [--incident-date D] FILE... [--json]`: opens a case, adds the
// files (intake), reads them (OCR), extracts the documents, runs the cross-checks and prints the case
// with its documents, flags and checklist (docs/contract.md §6). Blockers are results, not
// errors: the exit code is 2 for bad input (unknown KPJ, bad date, no readable file) and 4 when some
// files could not be added (the case is checked with the others).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../../shared/api/result';
import { claimTypeSchema } from '../../../shared/domain/claims';
import type { StatedFacts } from '../../../shared/rules/input';
import { parseIsoDate } from '../../../shared/rules/dates';
import { getCaseChecks } from '../../checks/case-checks';
import { listCaseDocuments } from '../../extraction/case-documents';
import { ocrLimits } from '../../ocr/config';
import { addCaseFile, stateFacts } from '../../services/case-edits';
import { startCaseOcr } from '../../ocr/case-ocr';
import { processCase } from '../../services/case-processor';
import { createCase, getCase } from '../../services/cases';
import { badInput, emit, endBatch, failWith, type GlobalOptions } from '../output';
import { withContext } from '../with-context';
import { humanVerify } from './verify-text';

interface VerifyOptions {
  claimType: string;
  kpj: string;
  incidentDate?: string;
  benefit?: string;
  trafficAccident?: boolean;
  reimbursement?: boolean;
}

function parseOptions(
  o: VerifyOptions,
  files: string[],
): { claimType: 'JHT' | 'JKK' | 'JKM' | 'BEASISWA'; kpj: string; incidentDate?: string; facts: StatedFacts } {
  const claimType = claimTypeSchema.safeParse(o.claimType.toUpperCase());
  if (!claimType.success) throw badInput(`--claim-type must be one of JHT, JKK, JKM, BEASISWA (got "${o.claimType}")`);
  const kpj = o.kpj.replace(/[\s.-]/g, '');
  if (!/^\d{11}$/.test(kpj)) throw badInput(`--kpj must be 11 digits (got "${o.kpj}")`);
  if (o.incidentDate !== undefined && !parseIsoDate(o.incidentDate)) throw badInput(`--incident-date must be a real date YYYY-MM-DD (got "${o.incidentDate}")`);
  const benefit = o.benefit === undefined ? undefined : Number(o.benefit.replace(/[.,\s]/g, ''));
  if (benefit !== undefined && (!Number.isInteger(benefit) || benefit < 0)) throw badInput(`--benefit must be a whole number of rupiah (got "${o.benefit}")`);
  if (files.length === 0) throw badInput('Give at least one file to verify.');
  for (const f of files) if (!fs.existsSync(f) || !fs.statSync(f).isFile()) throw new AppError('not_found', `File not found: ${f}`, { file: f });
  const facts: StatedFacts = {
    ...(benefit !== undefined ? { benefitAmount: benefit } : {}),
    ...(o.trafficAccident ? { trafficAccident: true } : {}),
    ...(o.reimbursement ? { reimbursement: true } : {}),
  };
  return { claimType: claimType.data, kpj, ...(o.incidentDate ? { incidentDate: o.incidentDate } : {}), facts };
}

export function register(verify: Command): void {
  verify
    .requiredOption('--claim-type <type>', 'JHT, JKK, JKM or BEASISWA')
    .requiredOption('--kpj <number>', "the participant's 11-digit KPJ number")
    .option('--incident-date <date>', 'accident or death date, YYYY-MM-DD')
    .option('--benefit <rupiah>', 'benefit amount, for the NPWP rule')
    .option('--traffic-accident', 'the accident was a traffic accident (police report needed)')
    .option('--reimbursement', 'treatment is claimed as reimbursement (receipts needed)')
    .argument('<files...>', 'the dossier: PDF, JPEG, PNG or TIFF files')
    .action(async (files: string[], o: VerifyOptions, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      let notAdded: { file: string; error: string }[] = [];
      try {
        const input = parseOptions(o, files);
        await withContext(opts, async (ctx, caller) => {
          const created = createCase(ctx, { claimType: input.claimType, kpj: input.kpj, incidentDate: input.incidentDate, notes: '' }, { by: caller });
          // Each file on its own: one unreadable file is reported and the rest of the dossier still checked.
          const errors: { file: string; error: string }[] = [];
          for (const f of files) {
            try {
              await addCaseFile(ctx, caller, created.id, { name: path.basename(f), bytes: fs.readFileSync(f) }, ocrLimits());
            } catch (err) {
              errors.push({ file: f, error: err instanceof Error ? err.message : String(err) });
            }
          }
          if (errors.length === files.length)
            throw new AppError('bad_file', `No file could be read: ${errors.map((e) => `${e.file}: ${e.error}`).join('; ')}`, {});
          // The app's case pipeline, run to the end: OCR, then extraction and the checks.
          await startCaseOcr(ctx, created.id);
          if (Object.keys(input.facts).length) stateFacts(ctx, caller, created.id, input.facts);
          await processCase(ctx, created.id, 'pages');
          const documents = listCaseDocuments(ctx, created.id);
          const checks = getCaseChecks(ctx, created.id);
          const out = {
            case: getCase(ctx, created.id, caller),
            documents: documents.map((d) => ({ id: d.id, file: d.fileName, type: d.type, typeConfidence: d.typeConfidence, pages: d.pages, fields: d.fields })),
            // The contract's flag shape (docs/contract.md §6): rule, severity, message, evidence.
            flags: checks.flags.map(({ key: _k, dismissal: _d, ...flag }) => flag),
            checklist: checks.checklist,
            payBy: checks.payBy,
            errors,
          };
          emit(opts, out, () => humanVerify(out));
          notAdded = errors;
        });
      } catch (err) {
        failWith(opts, err);
      }
      endBatch(
        notAdded.map((e) => `${e.file}: ${e.error}`),
        files.length - notAdded.length,
      );
    });
}
