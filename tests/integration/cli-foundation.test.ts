import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempFolders } from '../helpers/temp-home';

const folder = tempFolders(afterEach);

describe('claimdesk CLI (foundation)', () => {
  it('demo seeds an empty data folder once; info reports it as JSON', () => {
    const home = folder();
    const seeded = runCli(['--home', home, '--json', 'demo']);
    expect(seeded.status).toBe(0);
    expect(JSON.parse(seeded.stdout)).toMatchObject({ seeded: true, dataFolder: home });
    expect(JSON.parse(seeded.stdout).participants).toBeGreaterThanOrEqual(200);
    expect(JSON.parse(seeded.stdout).files).toBeGreaterThan(0);
    const again = runCli(['--home', home, 'demo']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/already holds data/);
    const info = runCli(['--home', home, '--json', 'info']);
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ name: 'ClaimDesk', dataFolder: home, transport: 'cli', ocrLanguages: expect.arrayContaining(['ind', 'eng']) });
  });

  it('takes the data folder from CLAIMDESK_HOME when --home is absent', () => {
    const home = folder();
    const info = runCli(['info', '--json'], { CLAIMDESK_HOME: home });
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout).dataFolder).toBe(home);
  });

  it('exits non-zero with a clear message on an unreadable database, leaving it untouched', () => {
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
