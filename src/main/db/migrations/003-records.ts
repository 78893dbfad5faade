// Participant records and cross-checks (issue 5): import history, the name-search index, the versioned
// requirement table, and each case's stored flags and checklist.
export const migration003 = {
  version: 3,
  name: 'records: participant imports, name keys, requirement tables, case facts, flags and checks',
  sql: `
CREATE TABLE participant_imports (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  file_name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('done','failed')),
  rows_read INTEGER NOT NULL,
  inserted INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  error_count INTEGER NOT NULL,
  errors_json TEXT NOT NULL,
  failure TEXT
) STRICT;

-- Phonetic keys of participant name tokens (src/shared/names): one row per key and participant.
CREATE TABLE participant_name_keys (
  key TEXT NOT NULL,
  participant_id INTEGER NOT NULL,
  PRIMARY KEY (key, participant_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE requirement_tables (
  version TEXT PRIMARY KEY,
  effective_from TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  source TEXT NOT NULL,
  content TEXT NOT NULL
) STRICT;

CREATE TABLE case_flags (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('blocker','warning','info')),
  message_id TEXT NOT NULL,
  message_en TEXT NOT NULL,
  evidence TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX case_flags_case ON case_flags(case_id);

-- Facts the officer states about a claim that decide conditional requirements (heir is the spouse,
-- traffic accident, reimbursement, benefit amount …), as a JSON object.
CREATE TABLE case_facts (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  facts TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

CREATE TABLE case_checks (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  checked_at TEXT NOT NULL,
  checked_by TEXT NOT NULL,
  checklist TEXT NOT NULL,
  pay_by TEXT,
  rules_version TEXT NOT NULL,
  requirements_version TEXT NOT NULL
) STRICT;
`,
};
