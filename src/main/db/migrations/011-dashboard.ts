// The branch dashboard (issue 15): each submission kept with what pre-filling saved on it (fields and
// characters as read against those keyed), and indexes for figures over a date range. Cases submitted
// before this version get one row from their fields and the audit trail's corrections as they stand.
import type { Db } from '../database';
import { recordSubmission } from '../../services/corrections';

export const migration011 = {
  version: 11,
  name: 'case submissions with pre-fill figures; dashboard indexes',
  sql: `
CREATE TABLE case_submissions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  submitted_by TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  fields_prefilled INTEGER NOT NULL CHECK (fields_prefilled >= 0),
  fields_keyed INTEGER NOT NULL CHECK (fields_keyed >= 0),
  chars_prefilled INTEGER NOT NULL CHECK (chars_prefilled >= 0),
  chars_keyed INTEGER NOT NULL CHECK (chars_keyed >= 0)
) STRICT;
CREATE INDEX case_submissions_at ON case_submissions(submitted_at);
CREATE INDEX case_submissions_case ON case_submissions(case_id);
CREATE INDEX cases_created ON cases(created_at);
CREATE INDEX case_decisions_at ON case_decisions(decided_at);
`,
  run(db: Db): void {
    const submitted = db.prepare(`SELECT id, submitted_by, submitted_at FROM cases WHERE submitted_at IS NOT NULL ORDER BY id`).all() as {
      id: number;
      submitted_by: string;
      submitted_at: string;
    }[];
    for (const c of submitted) recordSubmission(db, c.id, c.submitted_by, c.submitted_at);
  },
};
