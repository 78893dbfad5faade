// Intake and OCR (issue 3): originals stored once by content hash, their attachment to cases, and the
// OCR state of every page, so OCR resumes after a restart without redoing finished pages.
export const migration002 = {
  version: 2,
  name: 'documents: files, case_files, page OCR state',
  sql: `
CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size > 0),
  format TEXT NOT NULL CHECK (format IN ('pdf','jpeg','png','tiff')),
  mime TEXT NOT NULL,
  page_count INTEGER NOT NULL CHECK (page_count > 0),
  first_name TEXT NOT NULL,
  stored_path TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE case_files (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  file_id INTEGER NOT NULL REFERENCES files(id),
  original_name TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  UNIQUE (case_id, file_id)
) STRICT;
CREATE INDEX case_files_file ON case_files(file_id);

CREATE TABLE page_ocr (
  file_id INTEGER NOT NULL REFERENCES files(id),
  page INTEGER NOT NULL CHECK (page > 0),
  state TEXT NOT NULL CHECK (state IN ('pending','running','done','failed','cancelled')),
  source TEXT CHECK (source IN ('ocr','text-layer')),
  ocr_json TEXT,
  poor INTEGER CHECK (poor IN (0,1)),
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (file_id, page)
) STRICT;
CREATE INDEX page_ocr_state ON page_ocr(state);
`,
};
