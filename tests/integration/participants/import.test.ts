import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendContext } from '../../../src/main/context';
import { importParticipantsCsv, undoInterruptedImports } from '../../../src/main/participants/import-csv';
import { listImports } from '../../../src/main/participants/import-history';
import { schemaDump, sqliteOf } from '../../../src/main/db/database';
import { searchParticipants } from '../../../src/main/services/participant-search';
import { createCase } from '../../../src/main/services/cases';
import { csvHeader, csvLine, participantsCsv, syntheticPeople } from '../../fixtures/participants/csv';
import { onPostgres, storeEnv, storeOptions } from '../../helpers/store';

let home: string;
let ctx: BackendContext;
const count = (): number => ctx.db.prepare('SELECT count(*) FROM participants').pluck().get() as number;
const snapshot = (): string =>
  JSON.stringify(ctx.db.prepare('SELECT * FROM participants ORDER BY id').all()) +
  JSON.stringify(ctx.db.prepare('SELECT * FROM participant_name_keys ORDER BY key, participant_id').all());

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-import-'));
  ctx = new BackendContext({ home, transport: 'cli', ...storeOptions(home) });
});
afterEach(async () => {
  await ctx.close();
  fs.rmSync(home, { recursive: true, force: true });
});

function writeCsv(name: string, text: string | Buffer): string {
  const file = path.join(home, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('participant CSV import', () => {
  it('imports a file, and a re-import is idempotent', async () => {
    const people = syntheticPeople(7, 300);
    const file = writeCsv('p.csv', participantsCsv(people));
    // On SQLite the first bulk load defers the indexes and rebuilds them: the schema is exactly as before.
    const schema = onPostgres ? '' : schemaDump(sqliteOf(ctx.db, 'test'));
    const first = await importParticipantsCsv(ctx, file, { actor: 'tester' });
    if (!onPostgres) expect(schemaDump(sqliteOf(ctx.db, 'test'))).toBe(schema);
    expect(first).toMatchObject({ rowsRead: 300, inserted: 300, updated: 0, unchanged: 0, errors: [] });
    const before = snapshot();
    const again = await importParticipantsCsv(ctx, file, { actor: 'tester' });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 300, errors: [] });
    expect(snapshot()).toBe(before);
    expect(searchParticipants(ctx, people[5]!.nomor_kpj, 10).hits[0]?.nama).toBe(people[5]!.nama);
  });

  it('updates changed rows by KPJ and re-indexes a changed name', async () => {
    const people = syntheticPeople(8, 20);
    await importParticipantsCsv(ctx, Buffer.from(participantsCsv(people)), { actor: 't', fileName: 'a.csv' });
    const changed = { ...people[3]!, nama: 'ZAINAB BINTI HASAN', iuran_lunas_sampai: '2026-11' };
    const r = await importParticipantsCsv(ctx, Buffer.from(participantsCsv([changed, people[4]!])), { actor: 't', fileName: 'b.csv' });
    expect(r).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const hits = searchParticipants(ctx, 'ZAINAB', 10).hits;
    expect(hits.map((h) => h.nomor_kpj)).toContain(changed.nomor_kpj);
    expect(count()).toBe(20);
  });

  it('reports each bad row with its line and reason while good rows land', async () => {
    const [a, b, c] = syntheticPeople(9, 3) as [
      ReturnType<typeof syntheticPeople>[number],
      ReturnType<typeof syntheticPeople>[number],
      ReturnType<typeof syntheticPeople>[number],
    ];
    const lines = [
      csvHeader(),
      csvLine(a), // line 2 ok
      csvLine({ ...b, nik: '12345' }), // 3 bad NIK
      csvLine({ ...b, nik: '1571029913880001' }), // 4 NIK with an impossible date
      csvLine({ ...b, tanggal_lahir: '1990-02-30' }), // 5 impossible date
      csvLine({ ...b, program: ['JKK', 'XYZ' as 'JKK'] }), // 6 unknown program
      '"1","2","3"', // 7 wrong column count
      csvLine(b), // 8 ok
      csvLine({ ...c, nomor_kpj: a.nomor_kpj }), // 9 duplicate KPJ in the file
      csvLine({ ...c, jenis_kelamin: 'X' as 'L' }), // 10 bad gender
      csvLine(c), // 11 ok
    ];
    const r = await importParticipantsCsv(ctx, Buffer.from(lines.join('\n')), { actor: 't', fileName: 'mixed.csv' });
    expect(r.inserted).toBe(3);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 9, 10]);
    expect(r.errors[0]!.reason).toMatch(/nik/);
    expect(r.errors[1]!.reason).toMatch(/impossible birth date/);
    expect(r.errors[2]!.reason).toMatch(/tanggal_lahir/);
    expect(r.errors[3]!.reason).toMatch(/unknown program "XYZ"/);
    expect(r.errors[4]!.reason).toMatch(/expected 15 columns, found 3/);
    expect(r.errors[5]!.reason).toMatch(/duplicate nomor_kpj .* line 2/);
    expect(count()).toBe(3);
  });

  it('reports rows that are not UTF-8', async () => {
    const [a, b] = syntheticPeople(10, 2);
    const good = Buffer.from(`${csvHeader()}\n${csvLine(a!)}\n`);
    // "JOSÉ" written in Windows-1252: 0xC9 is not valid UTF-8 on its own.
    const [head, tail] = csvLine({ ...b!, nama: 'JOS@' }).split('@') as [string, string];
    const latin = Buffer.concat([Buffer.from(head), Buffer.from([0xc9]), Buffer.from(`${tail}\n`)]);
    const r = await importParticipantsCsv(ctx, Buffer.concat([good, latin]), { actor: 't', fileName: 'latin.csv' });
    expect(r.inserted).toBe(1);
    expect(r.errors).toEqual([{ line: 3, reason: expect.stringMatching(/UTF-8/), problems: [{ column: 'nama', code: 'utf8' }] }]);
  });

  it('reads UTF-16 with a byte-order mark (as Excel saves "Unicode text")', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(participantsCsv(syntheticPeople(3, 2)), 'utf16le')]);
    expect(await importParticipantsCsv(ctx, utf16, { actor: 't' })).toMatchObject({ inserted: 2, errors: [] });
  });

  it('refuses a file without the required columns and writes nothing', async () => {
    await expect(importParticipantsCsv(ctx, Buffer.from('nomor_kpj,nama\n12345678901,BUDI\n'), { actor: 't' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(importParticipantsCsv(ctx, path.join(home, 'missing.csv'), { actor: 't' })).rejects.toMatchObject({ code: 'not_found' });
    // UTF-16 without a byte-order mark cannot be read as text at all.
    const utf16 = Buffer.from(participantsCsv(syntheticPeople(3, 2)), 'utf16le');
    await expect(importParticipantsCsv(ctx, utf16, { actor: 't' })).rejects.toThrow(/not UTF-8/);
    expect(count()).toBe(0);
  });

  it('an import interrupted half-way leaves the store as it was', async () => {
    await importParticipantsCsv(ctx, Buffer.from(participantsCsv(syntheticPeople(11, 50))), { actor: 't', fileName: 'base.csv' });
    const before = snapshot();
    const more = syntheticPeople(11, 400, 50);
    const text = participantsCsv(more);
    const half = text.slice(0, Math.floor(text.length / 2));
    const broken = new Readable({
      read() {
        this.push(half);
        this.destroy(new Error('disk read error'));
      },
    });
    await expect(importParticipantsCsv(ctx, broken, { actor: 't', fileName: 'broken.csv' })).rejects.toMatchObject({ code: 'bad_file' });
    expect(snapshot()).toBe(before);
    const history = listImports(ctx.db);
    expect(history[0]).toMatchObject({ fileName: 'broken.csv', status: 'failed', inserted: 0 });
    expect(history[1]).toMatchObject({ fileName: 'base.csv', status: 'done', inserted: 50, actor: 't' });
  });
});

describe('participant import alongside other work', () => {
  it('a failure after many written rows is undone row by row, and what other calls wrote meanwhile is kept', async () => {
    const base = syntheticPeople(21, 300);
    await importParticipantsCsv(ctx, Buffer.from(participantsCsv(base)), { actor: 't', fileName: 'base.csv' });
    const before = snapshot();
    // Every base person again with a new address, a third of them with a changed name, then new people.
    const changed = base.map((p, i) => ({ ...p, alamat: `JL. BARU NO. ${i}`, ...(i % 3 === 0 ? { nama: `${p.nama} BARU` } : {}) }));
    const lines = [csvHeader(), ...[...changed, ...syntheticPeople(21, 900, 300)].map(csvLine)];
    let sent = 0;
    let foreignCase = 0;
    const source = new Readable({
      read() {
        // Between batches the back end serves other calls: one of them opens a case.
        if (sent === 800 && !foreignCase) foreignCase = createCase(ctx, { claimType: 'JKM', notes: 'opened during the import' }).id;
        if (sent >= 1000) return void this.destroy(new Error('disk read error'));
        const next = lines.slice(sent, sent + 50);
        sent += next.length;
        setImmediate(() => this.push(`${next.join('\n')}\n`));
      },
    });
    await expect(importParticipantsCsv(ctx, source, { actor: 't', fileName: 'broken.csv' })).rejects.toMatchObject({ code: 'bad_file' });
    expect(foreignCase).toBeGreaterThan(0);
    expect(snapshot()).toBe(before);
    expect(ctx.db.prepare('SELECT notes FROM cases WHERE id = ?').pluck().get(foreignCase)).toBe('opened during the import');
    expect(listImports(ctx.db)[0]).toMatchObject({ fileName: 'broken.csv', status: 'failed', inserted: 0, updated: 0 });
    expect(ctx.db.prepare('SELECT count(*) FROM participant_import_undo').pluck().get()).toBe(0);
  });

  it('an import whose process was killed is undone at the next start and recorded as interrupted', async () => {
    await importParticipantsCsv(ctx, Buffer.from(participantsCsv(syntheticPeople(31, 200))), { actor: 't', fileName: 'base.csv' });
    const before = snapshot();
    const big = writeCsv(
      'big.csv',
      participantsCsv([...syntheticPeople(31, 200).map((p) => ({ ...p, alamat: 'JL. LAIN' })), ...syntheticPeople(31, 40_000, 200)]),
    );
    const child = spawn(process.execPath, [path.resolve('bin/claimdesk.mjs'), '--home', home, 'participants', 'import', big], {
      stdio: 'ignore',
      env: { ...process.env, ...storeEnv(home) },
    });
    // Killed once it has written some rows, as a power cut or a killed process would stop it.
    const progress = ctx.db.prepare(`SELECT rows_read FROM participant_imports WHERE status = 'running'`).pluck();
    await expect.poll(() => (progress.get() as number | undefined) ?? 0, { timeout: 60_000, interval: 20 }).toBeGreaterThan(1000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(snapshot()).not.toBe(before);
    const audited: unknown[] = [];
    expect(await undoInterruptedImports(ctx.db, (r) => audited.push(r))).toBe(1);
    expect(snapshot()).toBe(before);
    expect(listImports(ctx.db)[0]).toMatchObject({ fileName: big, status: 'interrupted', inserted: 0 });
    expect(audited).toEqual([{ importId: listImports(ctx.db)[0]!.id, fileName: big, actor: expect.stringMatching(/^system:/) }]);
    // Nothing is left to undo: a second start changes nothing.
    expect(await undoInterruptedImports(ctx.db)).toBe(0);
  });

  it('refuses a second import while one is running', async () => {
    const slow = new Readable({ read() {} });
    slow.push(`${csvHeader()}\n${syntheticPeople(41, 5).map(csvLine).join('\n')}\n`);
    const first = importParticipantsCsv(ctx, slow, { actor: 't', fileName: 'slow.csv' });
    await expect.poll(() => listImports(ctx.db)[0]?.status).toBe('running');
    await expect(importParticipantsCsv(ctx, Buffer.from(participantsCsv(syntheticPeople(42, 3))), { actor: 't' })).rejects.toMatchObject({
      code: 'conflict',
      params: { reason: 'import_running' },
    });
    slow.push(null);
    await expect(first).resolves.toMatchObject({ inserted: 5 });
  });
});

describe('participant search', () => {
  beforeEach(async () => {
    const people = syntheticPeople(12, 500);
    const extra = [
      { ...people[0]!, nomor_kpj: '99900000001', nik: '1571024506880003', nama: 'HJ. SITI AMINAH, S.PD' },
      { ...people[1]!, nomor_kpj: '99900000002', nik: '1571024506880003', nama: 'SITI AMINAH' },
      { ...people[2]!, nomor_kpj: '99900000003', nik: '3171010101700001', nama: 'SOEHARTO WIDJAJA' },
    ];
    await importParticipantsCsv(ctx, Buffer.from(participantsCsv([...people, ...extra])), { actor: 't', fileName: 's.csv' });
  });

  it('finds by exact NIK every membership of the person', () => {
    const r = searchParticipants(ctx, '1571 0245 0688 0003', 10);
    expect(r.hits.map((h) => h.nomor_kpj).sort()).toEqual(['99900000001', '99900000002']);
    expect(r.hits.every((h) => h.matchedBy === 'nik')).toBe(true);
  });

  it('ranks fuzzy name hits and shows one person with several memberships once', () => {
    const r = searchParticipants(ctx, 'siti aminah', 10);
    const same = r.hits.filter((h) => h.nik === '1571024506880003');
    expect(same).toHaveLength(1);
    expect(r.hits[0]?.nik).toBe('1571024506880003');
    expect(r.hits[0]?.score).toBe(1);
  });

  it('finds old spellings and OCR-damaged words', () => {
    expect(searchParticipants(ctx, 'SUHARTO WIJAYA', 5).hits[0]?.nomor_kpj).toBe('99900000003');
    expect(searchParticipants(ctx, 'SOEHART0 WIDJAJA', 5).hits[0]?.nomor_kpj).toBe('99900000003');
    expect(searchParticipants(ctx, 'SOEHARTQ', 5).hits.map((h) => h.nomor_kpj)).toContain('99900000003');
    // A typo in one word of two still finds the person first.
    expect(searchParticipants(ctx, 'SUHARTO WIDJAJO', 5).hits[0]?.nomor_kpj).toBe('99900000003');
    expect(searchParticipants(ctx, 'SUHRTO WIJAYA', 5).hits[0]?.nomor_kpj).toBe('99900000003');
  });
});
