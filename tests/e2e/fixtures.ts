// Each test gets its own data folder and its own browser-mode host, started as a user would
// (`claimdesk serve --demo`), and waits on app state, never on sleeps. The demo's accounts (one of each
// role, with the passwords serve prints once) come with the host.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import type { Role } from '../../src/shared/api/roles';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

export interface AppHost {
  url: string;
  home: string;
  /** Empty when the folder was started without --demo (first-run setup). */
  accounts: DemoAccount[];
  account: (role: Role) => DemoAccount;
}

/** Starts `claimdesk serve` on a data folder; `env` adds to its environment (CLAIMDESK_DATABASE for a
 * desk on a shared PostgreSQL store, say). */
export function startServe(home: string, extra: string[], env: NodeJS.ProcessEnv = {}): Promise<{ proc: ChildProcess; url: string; accounts: DemoAccount[] }> {
  return new Promise((resolve, reject) => {
    // --listen (a branch server) names its own port.
    const port = extra.includes('--listen') ? [] : ['--port', '0'];
    const proc = spawn(process.execPath, ['bin/claimdesk.mjs', '--home', home, '--json', 'serve', ...port, ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) {
        const parsed = JSON.parse(line) as { url: string; accounts: DemoAccount[] };
        resolve({ proc, url: parsed.url, accounts: parsed.accounts });
      }
    });
    proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    proc.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

/** A started host as tests use it; `accounts` are the demo's (on a shared store, printed by the desk that seeded it). */
export function appHost(url: string, home: string, accounts: DemoAccount[]): AppHost {
  const account = (role: Role): DemoAccount => {
    const a = accounts.find((x) => x.role === role);
    if (!a) throw new Error(`no demo ${role} account (was the host started with --demo?)`);
    return a;
  };
  return { url, home, accounts, account };
}

export const test = base.extend<{ app: AppHost; serveArgs: string[] }>({
  // Demo records without scanned dossiers, so background OCR does not compete with the test.
  serveArgs: [['--demo', '--no-demo-files'], { option: true }],
  app: async ({ serveArgs }, use) => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-'));
    const { proc, url, accounts } = await startServe(home, serveArgs);
    await use(appHost(url, home, accounts));
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    fs.rmSync(home, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
