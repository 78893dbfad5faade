// Letters printed for a case's participant (or heir): kept with the case as issued, text and PDF, so
// what a participant was told can be shown again exactly.
export const migration010 = {
  version: 10,
  name: 'participant letters kept with their case',
  sql: `
CREATE TABLE case_letters (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  lang TEXT NOT NULL CHECK (lang IN ('id','en')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  lines TEXT NOT NULL CHECK (json_valid(lines)),
  missing INTEGER NOT NULL CHECK (missing >= 0),
  pdf BLOB NOT NULL
) STRICT;
CREATE INDEX case_letters_case ON case_letters(case_id);
`,
};
