// Participant imports are written in short transactions, so the back end keeps answering while a large
// file is imported and no other call's writes ever share the import's transaction; they stay all or
// nothing through an undo log:
// - participant_imports gains the states 'running' (with the process that runs it) and 'interrupted' (the
//   process stopped mid-way and the import was undone at the next start); a running import has no
//   finish time yet.
// - participant_import_undo keeps, for each participant a running import inserted or changed, the row as
//   it was (NULL: inserted), until the import is done; undoing replays it backwards.
export const migration007 = {
  version: 7,
  name: 'participant imports: running state and undo log',
  sql: `
CREATE TABLE participant_imports_new (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  actor TEXT NOT NULL,
  file_name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running','done','failed','interrupted')),
  owner_pid INTEGER,
  rows_read INTEGER NOT NULL,
  inserted INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  error_count INTEGER NOT NULL,
  errors_json TEXT NOT NULL,
  failure TEXT
) STRICT;
INSERT INTO participant_imports_new(id, started_at, finished_at, actor, file_name, status, rows_read, inserted, updated, unchanged, error_count, errors_json, failure)
  SELECT id, started_at, finished_at, actor, file_name, status, rows_read, inserted, updated, unchanged, error_count, errors_json, failure FROM participant_imports;
DROP TABLE participant_imports;
ALTER TABLE participant_imports_new RENAME TO participant_imports;

CREATE TABLE participant_import_undo (
  import_id INTEGER NOT NULL REFERENCES participant_imports(id),
  seq INTEGER NOT NULL,
  participant_id INTEGER NOT NULL,
  old_row TEXT CHECK (old_row IS NULL OR json_valid(old_row)),
  PRIMARY KEY (import_id, seq)
) STRICT, WITHOUT ROWID;
`,
};
