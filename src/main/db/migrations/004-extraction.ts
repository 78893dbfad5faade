// Extraction (issue 4): the documents found in a case's files, with their type and fields. An officer's
// type choice and keyed values are stored here too, marked as theirs, so re-extraction keeps them.
export const migration004 = {
  version: 4,
  name: 'extraction: case_documents',
  sql: `
CREATE TABLE case_documents (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  file_id INTEGER NOT NULL REFERENCES files(id),
  seq INTEGER NOT NULL CHECK (seq >= 0),
  type TEXT NOT NULL CHECK (type IN ('ktp','kk','kartu_peserta','buku_tabungan','akta_kematian','surat_kematian',
    'surat_ahli_waris','buku_nikah','form_kk1','form_kk2','surat_dokter','kuitansi','npwp','other')),
  type_confidence REAL NOT NULL CHECK (type_confidence >= 0 AND type_confidence <= 1),
  type_source TEXT NOT NULL CHECK (type_source IN ('ocr','officer')),
  pages TEXT NOT NULL CHECK (json_valid(pages)),
  fields TEXT NOT NULL CHECK (json_valid(fields)),
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  UNIQUE (case_id, file_id, seq)
) STRICT;
CREATE INDEX case_documents_case ON case_documents(case_id);
`,
};
