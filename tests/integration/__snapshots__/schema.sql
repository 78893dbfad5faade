CREATE INDEX cases_participant ON cases(participant_id);
CREATE INDEX cases_status ON cases(status);
CREATE INDEX participants_nik ON participants(nik);
CREATE INDEX participants_rekening ON participants(nomor_rekening);
CREATE TABLE audit_log ( id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL, case_id INTEGER, detail TEXT NOT NULL ) STRICT;
CREATE TABLE cases ( id INTEGER PRIMARY KEY, reference TEXT NOT NULL UNIQUE, claim_type TEXT NOT NULL CHECK (claim_type IN ('JHT','JKK','JKM','BEASISWA')), participant_id INTEGER REFERENCES participants(id), kpj TEXT, incident_date TEXT, status TEXT NOT NULL DEFAULT 'draft', notes TEXT NOT NULL DEFAULT '', created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL ) STRICT;
CREATE TABLE participants ( id INTEGER PRIMARY KEY, nomor_kpj TEXT NOT NULL UNIQUE, nik TEXT NOT NULL, nama TEXT NOT NULL, tempat_lahir TEXT, tanggal_lahir TEXT NOT NULL, jenis_kelamin TEXT NOT NULL CHECK (jenis_kelamin IN ('L','P')), alamat TEXT, segmen TEXT NOT NULL CHECK (segmen IN ('BPU','PU')), status TEXT NOT NULL CHECK (status IN ('aktif','nonaktif','berakhir')), tanggal_kepesertaan TEXT NOT NULL, iuran_lunas_sampai TEXT NOT NULL, program TEXT NOT NULL, nama_bank TEXT, nomor_rekening TEXT, nama_pemilik_rekening TEXT, updated_at TEXT NOT NULL ) STRICT;
CREATE TABLE settings ( key TEXT PRIMARY KEY, value TEXT NOT NULL ) STRICT;
