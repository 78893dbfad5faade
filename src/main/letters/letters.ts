// Participant letters: composed from the case as it stands (its checklist and open flags, the requirement
// table in force, the branch's details), printed to PDF, and kept with the case with its audit entry in
// one transaction, so the case history lists every letter given.
import crypto from 'node:crypto';
import type { LetterOutput } from '../../shared/api/methods-letters';
import { AppError } from '../../shared/api/result';
import { composeLetter, type LetterLanguage } from '../../shared/letters/participant-letter';
import { addWorkingDays, iso, parseIsoDate } from '../../shared/rules/dates';
import { actorName, type Caller } from '../auth/caller';
import { getCaseChecks } from '../checks/case-checks';
import { activeRequirementTable, holidayDates } from '../checks/config-store';
import type { BackendContext } from '../context';
import { getCase } from '../services/cases';
import { branchDetails } from '../services/settings';
import { letterPdf } from './letter-pdf';

interface LetterRow {
  id: number;
  case_id: number;
  lang: LetterLanguage;
  created_at: string;
  created_by: string;
  missing: number;
  sha256: string;
  lines: string;
  pdf: Buffer;
}

const summary = (r: LetterRow): Omit<LetterOutput, 'lines' | 'pdfBase64'> => ({
  id: r.id,
  caseId: r.case_id,
  lang: r.lang,
  createdAt: r.created_at,
  createdBy: r.created_by,
  missing: r.missing,
  sha256: r.sha256,
});

export async function createLetter(ctx: BackendContext, caller: Caller, input: { caseId: number; lang: LetterLanguage }): Promise<LetterOutput> {
  const detail = getCase(ctx, input.caseId);
  const checks = getCaseChecks(ctx, input.caseId);
  const branch = branchDetails(ctx);
  const now = ctx.now();
  const today = iso(now);
  const letter = composeLetter({
    lang: input.lang,
    reference: detail.reference,
    claimType: detail.claimType,
    addressee: detail.participantName,
    date: today,
    bringBy: iso(addWorkingDays(parseIsoDate(today)!, branch.bringWithinDays, new Set(holidayDates(ctx)))),
    checklist: checks.checklist,
    flags: checks.flags.filter((f) => !f.dismissal),
    requirements: activeRequirementTable(ctx),
    branch,
  });
  const pdf = Buffer.from(await letterPdf(letter, { title: `${letter.title} ${detail.reference}`, created: now }));
  const sha256 = crypto.createHash('sha256').update(pdf).digest('hex');
  const by = actorName(caller);
  const id = ctx.db.transaction(() => {
    const row = ctx.db
      .prepare(`INSERT INTO case_letters(case_id, lang, created_at, created_by, sha256, lines, missing, pdf) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(input.caseId, input.lang, now.toISOString(), by, sha256, JSON.stringify(letter.lines), letter.missing.length, pdf);
    const letterId = Number(row.lastInsertRowid);
    ctx.audit(caller, 'letters.create', { letterId, lang: input.lang, missing: letter.missing.length, sha256 }, input.caseId);
    return letterId;
  })();
  ctx.events.emit('case.changed', { caseId: input.caseId });
  return getLetter(ctx, id);
}

export function getLetter(ctx: BackendContext, id: number): LetterOutput {
  const r = ctx.db.prepare(`SELECT * FROM case_letters WHERE id = ?`).get(id) as LetterRow | undefined;
  if (!r) throw new AppError('not_found', `Letter ${id} not found`, { id });
  return { ...summary(r), lines: JSON.parse(r.lines) as string[], pdfBase64: r.pdf.toString('base64') };
}

export function listLetters(ctx: BackendContext, caseId: number): ReturnType<typeof summary>[] {
  getCase(ctx, caseId);
  const rows = ctx.db
    .prepare(`SELECT id, case_id, lang, created_at, created_by, missing, sha256 FROM case_letters WHERE case_id = ? ORDER BY id DESC`)
    .all(caseId) as LetterRow[];
  return rows.map(summary);
}
