// Settings → "Branch database" (issue 17 item 1): an administrator points a desk that works on its
// embedded file at the branch's PostgreSQL. The address is tried before it is saved (a wrong password,
// a server that does not answer and a malformed address are refused, and nothing is saved), the password
// is kept only in the data folder's store.json (owner-only) and never shown, the next start opens the
// server, the start's own --database / CLAIMDESK_DATABASE still wins, and every change is audited.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendContext } from '../../../src/main/context';
import { createDispatcher } from '../../../src/main/dispatch';
import { STORE_SETTING_FILE } from '../../../src/main/db/store-setting';
import { createCase } from '../../../src/main/services/cases';
import { createAccounts, signedIn, valueOf } from '../../helpers/sessions';
import { databaseFor, TEST_POSTGRES_URL } from '../../helpers/store';
import { tempFolders } from '../../helpers/temp-home';

const folder = tempFolders(afterEach);

interface StoreSetting {
  current: { kind: string; shown: string };
  chosenBy: string;
  saved: string | null;
  restartNeeded: boolean;
  embeddedCases: number | null;
  found?: { schemaVersion: number | null; cases: number | null } | null;
}

/** The test server's address split as an administrator types it: without the password, which goes in its own field. */
function typed(address: string): { address: string; password: string } {
  const url = new URL(address);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { address: url.href, password };
}

describe('settings.setStore', () => {
  it('tries the address, saves it without ever showing the password, and the next start works on the server', async () => {
    const home = folder();
    // A desk on its embedded file (no --database, no CLAIMDESK_DATABASE), with a case of its own.
    const ctx = new BackendContext({ home, transport: 'browser' });
    let server: string;
    try {
      expect(ctx.dialect).toBe('sqlite');
      createCase(ctx, { claimType: 'JHT', notes: '' });
      const accounts = await createAccounts(ctx, [
        { username: 'budi', role: 'officer' },
        { username: 'adi', role: 'admin' },
      ]);
      const dispatch = createDispatcher(ctx, () => undefined);
      const officer = await signedIn(dispatch, accounts.budi!);
      const admin = await signedIn(dispatch, accounts.adi!);
      server = databaseFor(path.join(home, 'server'))!;
      const { address, password } = typed(server);
      expect(password).not.toBe('');

      expect(await officer.call('settings.setStore', { address, password })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await officer.call('settings.store', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      const before = valueOf<StoreSetting>(await admin.call('settings.store', {}));
      expect(before).toEqual({
        current: { kind: 'sqlite', shown: path.join(home, 'claimdesk.sqlite') },
        chosenBy: 'default',
        saved: null,
        restartNeeded: false,
        embeddedCases: 1,
      });

      // Refused, and nothing saved: a wrong password, a port nobody answers on, not a postgres:// address.
      expect(await admin.call('settings.setStore', { address, password: `${password}-wrong` })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', params: { reason: 'database_login' } },
      });
      const deaf = new URL(address);
      deaf.port = '1';
      expect(await admin.call('settings.setStore', { address: deaf.href, password })).toMatchObject({ ok: false, error: { code: 'database_unreachable' } });
      expect(await admin.call('settings.setStore', { address: 'mysql://x@y/z', password })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', params: { reason: 'database_url' } },
      });
      expect(fs.existsSync(path.join(home, STORE_SETTING_FILE))).toBe(false);

      const saved = await admin.call('settings.setStore', { address, password });
      const value = valueOf<StoreSetting>(saved);
      // (The test server's password is also its user's name: what must never appear is it in the password's place.)
      expect(JSON.stringify(saved)).not.toContain(`:${password}@`);
      expect(value).toMatchObject({
        current: { kind: 'sqlite' },
        chosenBy: 'default',
        restartNeeded: true,
        embeddedCases: 1,
        // Nothing there yet: the store is made at the next start (trying writes nothing).
        found: { schemaVersion: null, cases: null },
      });
      expect(value.saved).toBe(new URL(server).href.replace(`:${password}@`, ':***@'));
      const file = path.join(home, STORE_SETTING_FILE);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ database: new URL(server).href });

      // Saved again without typing the password: the one saved for this server and user is kept.
      valueOf(await admin.call('settings.setStore', { address }));
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ database: new URL(server).href });

      const audit = ctx.db.prepare(`SELECT actor, detail FROM audit_log WHERE action = 'settings.store' ORDER BY id`).all() as {
        actor: string;
        detail: string;
      }[];
      expect(audit.map((a) => a.actor)).toEqual(['adi', 'adi']);
      expect(JSON.parse(audit[0]!.detail)).toEqual({ old: null, new: value.saved });
      expect(audit.map((a) => a.detail).join()).not.toContain(`:${password}@`);
    } finally {
      await ctx.close();
    }

    // The next start, with nothing on its command line, works on the server.
    const next = new BackendContext({ home, transport: 'browser' });
    try {
      expect(next.dialect).toBe('postgres');
      expect(next.storeChoice).toBe('settings');
      expect(next.storeLabel).toContain(':***@');
      expect(next.db.prepare(`SELECT count(*) FROM cases`).pluck().get()).toBe(0);
      const admin = await signedIn(
        createDispatcher(next, () => undefined),
        (await createAccounts(next, [{ username: 'adi', role: 'admin' }])).adi!,
      );
      expect(valueOf<StoreSetting>(await admin.call('settings.store', {}))).toMatchObject({
        current: { kind: 'postgres' },
        chosenBy: 'settings',
        restartNeeded: false,
        // The file's case stays in the file: what moving without migrate-store would leave behind.
        embeddedCases: 1,
      });
      // Back to the embedded database for the start after.
      expect(valueOf<StoreSetting>(await admin.call('settings.setStore', { address: null }))).toMatchObject({ saved: null, restartNeeded: true, found: null });
      expect(fs.existsSync(path.join(home, STORE_SETTING_FILE))).toBe(false);
    } finally {
      await next.close();
    }
  });

  it("leaves the start's own choice in force, and names a broken store.json instead of guessing", async () => {
    const home = folder();
    const elsewhere = databaseFor(path.join(home, 'elsewhere'))!;
    const ctx = new BackendContext({ home, transport: 'browser', database: elsewhere });
    try {
      const admin = await signedIn(
        createDispatcher(ctx, () => undefined),
        (await createAccounts(ctx, [{ username: 'adi', role: 'admin' }])).adi!,
      );
      const saved = valueOf<StoreSetting>(await admin.call('settings.setStore', { address: TEST_POSTGRES_URL }));
      expect(saved).toMatchObject({ current: { kind: 'postgres' }, chosenBy: 'environment', restartNeeded: false });
      expect(saved.current.shown).toContain(new URL(elsewhere).searchParams.get('schema'));
    } finally {
      await ctx.close();
    }
    fs.writeFileSync(path.join(home, STORE_SETTING_FILE), '{"database": "sqlite:nope"}');
    expect(() => new BackendContext({ home, transport: 'browser' })).toThrow(
      expect.objectContaining({ code: 'invalid_input', params: expect.objectContaining({ reason: 'store_setting' }) }),
    );
  });
});
