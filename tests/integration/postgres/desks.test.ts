// One branch, many desks (issue 17): three `claimdesk serve` processes, each with its own data folder, on
// one PostgreSQL store: two officers and two supervisors at work at once. Case numbers never collide, a
// change on one desk reaches the others' screens within seconds, two decisions on one case resolve to
// one, a file added on one desk opens on another, and a desk cut off from the server says so, then picks
// up where it was with nothing confirmed lost.
import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendContext } from '../../../src/main/context';
import type { AppEvent } from '../../../src/shared/api/events';
import type { CaseDetail } from '../../../src/shared/api/methods-cases';
import type { CaseFile } from '../../../src/shared/api/methods-documents';
import { renderClaimPage } from '../../fixtures/ocr/claim-page';
import { Cable } from '../../helpers/cable';
import { Tab } from '../../helpers/http';
import { serveHost, stopHost, type ServedHost } from '../../helpers/serve';
import { createAccounts, valueOf, type Account } from '../../helpers/sessions';
import { databaseFor, TEST_POSTGRES_URL } from '../../helpers/store';
import { tempDir } from '../../helpers/temp-home';

/** The events a desk's screens receive, as the browser's EventSource would. */
function listen(host: ServedHost, tab: Tab): { events: AppEvent[]; close: () => void; ready: Promise<void> } {
  const events: AppEvent[] = [];
  let close = (): void => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}`, headers: { cookie: tab.cookie ?? '' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`events: ${res.statusCode}`));
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const parts = buffer.split('\n\n');
        buffer = parts.pop() ?? '';
        for (const p of parts) if (p.startsWith('data: ')) events.push(JSON.parse(p.slice(6)) as AppEvent);
      });
      resolve();
    });
    req.on('error', () => undefined);
    close = () => req.destroy();
  });
  return { events, close: () => close(), ready };
}

async function until<T>(what: string, probe: () => T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const homes = [tempDir(), tempDir(), tempDir()];
const address = databaseFor(homes[0]!.dir)!;
const cable = Cable.to(TEST_POSTGRES_URL);
let desks: ServedHost[] = [];
let accounts: Record<string, Account> = {};

beforeAll(async () => {
  const setup = new BackendContext({ home: homes[0]!.dir, transport: 'cli', database: address });
  try {
    accounts = await createAccounts(setup, [
      { username: 'budi', role: 'officer' },
      { username: 'dewi', role: 'officer' },
      { username: 'rina', role: 'supervisor' },
      { username: 'sari', role: 'supervisor' },
    ]);
  } finally {
    await setup.close();
  }
  await cable.plug();
  // Desk A reaches the server through the cable; desks B and C directly.
  desks = await Promise.all([
    serveHost(homes[0]!.dir, [], { CLAIMDESK_DATABASE: cable.through(address) }),
    serveHost(homes[1]!.dir, [], { CLAIMDESK_DATABASE: address }),
    serveHost(homes[2]!.dir, [], { CLAIMDESK_DATABASE: address }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all(desks.map((d) => stopHost(d)));
  await cable.cut();
  for (const h of homes) h.cleanup();
});

const tabOn = async (desk: ServedHost, who: string): Promise<Tab> => new Tab(desk.port, desk.token).signIn(who, accounts[who]!.password);

describe('desks sharing one PostgreSQL store', () => {
  it('never gives two cases the same number, however many desks create them at once', async () => {
    const [budi, dewi] = await Promise.all([tabOn(desks[0]!, 'budi'), tabOn(desks[1]!, 'dewi')]);
    const made = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? dewi : budi).call('cases.create', { claimType: i % 3 ? 'JKM' : 'JKK', incidentDate: '2026-11-20' })),
    );
    const refs = made.map((r) => valueOf<CaseDetail>(r).reference);
    expect(new Set(refs).size).toBe(30);
    // Every desk lists all of them.
    const rina = await tabOn(desks[2]!, 'rina');
    const listed = valueOf<{ total: number }>(await rina.call('cases.list', { limit: 5 }));
    expect(listed.total).toBeGreaterThanOrEqual(30);
  });

  it('shows a change made on one desk on the others within seconds, and opens a file another desk added', async () => {
    const budi = await tabOn(desks[0]!, 'budi');
    const dewi = await tabOn(desks[1]!, 'dewi');
    const onB = listen(desks[1]!, dewi);
    await onB.ready;
    try {
      const c = valueOf<CaseDetail>(await budi.call('cases.create', { claimType: 'JKM', incidentDate: '2026-11-21' }));
      const page = (await renderClaimPage(7, 1, { dpi: 100 })).png;
      const started = Date.now();
      valueOf(await budi.call('documents.add', { caseId: c.id, files: [{ name: 'kartu.png', contentBase64: page.toString('base64') }] }));
      await until('case.changed on desk B', () => onB.events.some((e) => e.name === 'case.changed' && e.payload.caseId === c.id));
      const seenAfter = Date.now() - started;
      expect(seenAfter).toBeLessThan(5_000);
      // Desk B reads the file desk A stored: fetched from the shared store into B's own folder, by hash.
      const there = valueOf<{ files: CaseFile[] }>(await dewi.call('documents.list', { caseId: c.id }));
      expect(there.files.map((f) => f.name)).toEqual(['kartu.png']);
      const image = await dewi.call('documents.page', { fileId: there.files[0]!.fileId, page: 1 });
      expect(image).toMatchObject({ ok: true });
      expect(fs.readdirSync(homes[1]!.dir)).toContain('originals');
    } finally {
      onB.close();
    }
  });

  it('lets exactly one of two supervisors on two desks decide a case', async () => {
    const budi = await tabOn(desks[0]!, 'budi');
    const c = valueOf<CaseDetail>(await budi.call('cases.create', { claimType: 'JKM', incidentDate: '2026-11-22' }));
    const submitted = valueOf<CaseDetail>(await budi.call('cases.submit', { caseId: c.id, version: c.version, note: 'mohon diperiksa' }));
    const [rina, sari] = await Promise.all([tabOn(desks[1]!, 'rina'), tabOn(desks[2]!, 'sari')]);
    const decide = (tab: Tab, items: string[]): Promise<unknown> =>
      tab.call('cases.decide', { caseId: c.id, version: submitted.version, decision: 'return', returnReason: 'documents_missing', note: 'kurang', items });
    const results = (await Promise.all([decide(rina, ['KK']), decide(sari, ['KTP'])])) as { ok: boolean; error?: { code: string } }[];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)?.error?.code).toBe('conflict');
    const after = valueOf<CaseDetail>(await budi.call('cases.get', { id: c.id }));
    expect(after.status).toBe('returned');
  });

  it('says so when a desk loses the server, and loses nothing confirmed when it comes back', async () => {
    const budi = await tabOn(desks[0]!, 'budi');
    const c = valueOf<CaseDetail>(await budi.call('cases.create', { claimType: 'JHT', notes: 'sebelum putus' }));
    await cable.cut();
    const cut = await budi.call('cases.get', { id: c.id });
    expect(cut).toMatchObject({ ok: false, error: { code: 'database_unreachable' } });
    // The other desks work on.
    const dewi = await tabOn(desks[1]!, 'dewi');
    expect(valueOf<CaseDetail>(await dewi.call('cases.get', { id: c.id })).notes).toBe('sebelum putus');
    await cable.plug();
    const again = valueOf<CaseDetail>(await budi.call('cases.get', { id: c.id }));
    expect(again.notes).toBe('sebelum putus');
    expect(valueOf<CaseDetail>(await budi.call('cases.create', { claimType: 'JHT' })).reference).toMatch(/./);
  });
});
