import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempFolders } from '../helpers/temp-home';
import { onPostgres, storeByHand } from '../helpers/store';

const folder = tempFolders(afterEach);

describe('claimdesk CLI (foundation)', () => {
  it('demo seeds an empty data folder once; info reports it as JSON', () => {
    const home = folder();
    const seeded = runCli(['--home', home, '--json', 'demo']);
    expect(seeded.status).toBe(0);
    expect(JSON.parse(seeded.stdout)).toMatchObject({ seeded: true, dataFolder: home });
    expect(JSON.parse(seeded.stdout).participants).toBeGreaterThanOrEqual(200);
    expect(JSON.parse(seeded.stdout).files).toBeGreaterThan(0);
    // One account of each role, with its password, printed once.
    expect(JSON.parse(seeded.stdout).accounts).toEqual([
      { username: 'petugas', role: 'officer', displayName: 'Petugas Demo', password: expect.stringMatching(/^[a-z0-9-]{19}$/) },
      { username: 'supervisor', role: 'supervisor', displayName: 'Supervisor Demo', password: expect.stringMatching(/^[a-z0-9-]{19}$/) },
      { username: 'admin', role: 'admin', displayName: 'Administrator Demo', password: expect.stringMatching(/^[a-z0-9-]{19}$/) },
    ]);
    const again = runCli(['--home', home, 'demo']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/already holds data/);
    const info = runCli(['--home', home, '--json', 'info']);
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({
      name: 'ClaimDesk',
      dataFolder: home,
      transport: 'cli',
      ocrLanguages: expect.arrayContaining(['ind', 'eng']),
    });
  });

  it('acts as the local system operator, audited as system:<OS user>, without prompting', () => {
    const home = folder();
    const added = runCli(['--home', home, '--json', 'users', 'add', 'rina', '--role', 'supervisor', '--name', 'Rina Supervisor']);
    expect(added.status).toBe(0);
    const out = JSON.parse(added.stdout) as { user: { username: string; role: string }; password: string };
    expect(out).toMatchObject({ user: { username: 'rina', role: 'supervisor' }, password: expect.stringMatching(/^[a-z0-9-]{19}$/) });
    const reset = runCli(['--home', home, 'users', 'reset-password', 'rina', '--password', 'sementara-2026']);
    expect(reset.status).toBe(0);
    expect(reset.stdout).toMatch(/temporary password sementara-2026/);
    const db = storeByHand(home);
    const actors = db.prepare(`SELECT DISTINCT actor, role FROM audit_log`).all();
    db.close();
    expect(actors).toEqual([{ actor: `system:${os.userInfo().username}`, role: 'system' }]);
    expect(runCli(['--home', home, 'users', 'add', 'x', '--role', 'root']).status).toBe(2);
  });

  it('takes the data folder from CLAIMDESK_HOME when --home is absent', () => {
    const home = folder();
    const info = runCli(['info', '--json'], { CLAIMDESK_HOME: home });
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout).dataFolder).toBe(home);
  });

  // The embedded file's own failure; tests/integration/postgres/ has the server's (unreachable, newer schema).
  it.runIf(!onPostgres)('exits non-zero with a clear message on an unreadable database, leaving it untouched', () => {
    const home = folder();
    const file = path.join(home, 'claimdesk.sqlite');
    fs.writeFileSync(file, 'not a database at all'.repeat(10));
    const r = runCli(['--home', home, 'info']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not a ClaimDesk database/);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a database at all'.repeat(10));
  });

  it('exits non-zero on an unknown command', () => {
    const r = runCli(['frobnicate']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
