// Accounts, sessions, the review workflow's records, and a tamper-evident audit trail (issue 12).
// - users: officer, supervisor and administrator accounts; passwords as salted scrypt hashes with their
//   parameters; failed sign-ins and lockout. Never deleted: disabled instead.
// - sessions: keyed by the SHA-256 of the session token (the token itself is never stored).
// - case_flags marks the rules that could not be judged;
// - cases gain a version (optimistic check of decisions), the submitter and the officer's note;
//   case_decisions keeps every decision with its note, reason code, items to fix and acknowledged blockers;
//   flag_dismissals keeps the officer's reason for setting a warning aside.
// - audit_log becomes a hash chain: each row stores the hash of its content and the previous row's hash,
//   and audit_head the last row, so an edited, deleted, reordered or truncated trail is detected. Rows
//   written before this version are chained by the step below, after the participant rows that the old
//   import audit copied in (the whole CSV) are replaced by the file's hash and size.
import type { SqliteDb } from '../database';
import { sealExistingAuditRows } from '../../audit/chain';

export const migration006 = {
  version: 6,
  name: 'accounts, sessions, decisions, hash-chained audit',
  sql: `
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('officer','supervisor','admin')),
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0,1)),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  last_sign_in_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  transport TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  ended_at TEXT,
  end_reason TEXT
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);

ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE cases ADD COLUMN submitted_by TEXT;
ALTER TABLE cases ADD COLUMN submitted_at TEXT;
ALTER TABLE cases ADD COLUMN submit_note TEXT NOT NULL DEFAULT '';

CREATE TABLE case_decisions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('approve','reject','return','reopen','auto_approve')),
  reason_code TEXT,
  note TEXT NOT NULL,
  items TEXT NOT NULL,
  acknowledged TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  case_version INTEGER NOT NULL
) STRICT;
CREATE INDEX case_decisions_case ON case_decisions(case_id);

-- A flag that reports a rule it could not judge (a value nobody supplied): such a case never
-- approves on submit.
ALTER TABLE case_flags ADD COLUMN unjudged INTEGER NOT NULL DEFAULT 0 CHECK (unjudged IN (0,1));
UPDATE case_flags SET unjudged = 1 WHERE json_extract(evidence, '$.missing') IS NOT NULL;

CREATE TABLE flag_dismissals (
  case_id INTEGER NOT NULL REFERENCES cases(id),
  flag_key TEXT NOT NULL,
  rule TEXT NOT NULL,
  reason TEXT NOT NULL,
  dismissed_by TEXT NOT NULL,
  dismissed_at TEXT NOT NULL,
  PRIMARY KEY (case_id, flag_key)
) STRICT;

ALTER TABLE audit_log ADD COLUMN user_id INTEGER;
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
CREATE INDEX audit_log_case ON audit_log(case_id);
CREATE INDEX audit_log_actor ON audit_log(actor);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE TABLE audit_head (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  last_id INTEGER NOT NULL,
  last_hash TEXT NOT NULL
) STRICT;

DELETE FROM settings WHERE key = 'operator';
`,
  run(db: SqliteDb): void {
    sealExistingAuditRows(db);
    // The application never changes or removes an audit row; a hand edit must first drop these, and the
    // chain still shows it.
    db.exec(`
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`);
  },
};
