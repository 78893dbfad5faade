// A browser-mode host in the test's own process, on a fresh data folder, with an officer signed in in one
// tab: what tests of the HTTP transport (uploads, names, refusals) start from.
import fs from 'node:fs';
import path from 'node:path';
import { localBackend } from '../../src/main/backend/backend';
import type { BackendContext } from '../../src/main/context';
import { startHost, type Host } from '../../src/main/host/server';
import { Tab } from './http';
import { createAccounts, type Account } from './sessions';
import { tempContext, tempDir } from './temp-home';

export interface LocalHost {
  host: Host;
  ctx: BackendContext;
  /** The data folder. */
  home: string;
  /** The folder of the (one-page) renderer the host serves. */
  rendererDir: string;
  officer: Account;
  /** The officer's tab: calls carry the token and the session cookie. */
  tab: Tab;
  close: () => Promise<void>;
}

export async function localHostWithOfficer(): Promise<LocalHost> {
  const t = tempContext('browser');
  const r = tempDir();
  fs.writeFileSync(path.join(r.dir, 'index.html'), '<!doctype html><title>ClaimDesk</title>');
  const host = await startHost({ backend: localBackend(t.ctx), rendererDir: r.dir, log: () => undefined });
  const officer = (await createAccounts(t.ctx, [{ username: 'budi', role: 'officer' }])).budi!;
  const tab = await new Tab(host.port, host.token).signIn(officer.username, officer.password);
  return {
    host,
    ctx: t.ctx,
    home: t.dir,
    rendererDir: r.dir,
    officer,
    tab,
    close: async () => {
      await host.close();
      await t.cleanup();
      r.cleanup();
    },
  };
}
