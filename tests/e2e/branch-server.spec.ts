// A desk on the branch network (issue 17 item 4): Chromium opens the branch server's https address
// under its public name (mapped to this machine), with no token in it, signs in through the real
// sign-in screen as an officer and sees the worklist. The certificate is self-signed (openssl), so the
// browser context is told to accept it. Set CLAIMDESK_SCREENSHOTS=DIR to save the sign-in screen as
// DIR/branch-server-sign-in.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { branchServerArgs, selfSignedCertificate } from '../helpers/tls';
import { startServe } from './fixtures';
import { shell, signInScreen } from './pages';

const NAME = 'branch.test';
let work: string;
let host: Awaited<ReturnType<typeof startServe>>;

test.beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-'));
  const cert = selfSignedCertificate(work, [NAME]);
  host = await startServe(path.join(work, 'home'), branchServerArgs(cert, NAME));
});
test.afterAll(async () => {
  host.proc.kill('SIGTERM');
  await new Promise((r) => host.proc.once('exit', r));
  fs.rmSync(work, { recursive: true, force: true });
});

test('a desk opens https://branch.test:PORT/, signs in as an officer and sees the worklist', async ({ playwright, launchOptions }) => {
  expect(host.url).toMatch(new RegExp(`^https://${NAME.replace('.', '\\.')}:\\d+/$`));
  // The branch's DNS, here: the public name points at this machine.
  const browser = await playwright.chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), `--host-resolver-rules=MAP ${NAME} 127.0.0.1`] });
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1360, height: 860 } });
    const page = await context.newPage();
    await page.goto(host.url);
    const s = signInScreen(page);
    await expect(s.screen).toBeVisible();
    const shots = process.env.CLAIMDESK_SCREENSHOTS;
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, 'branch-server-sign-in.png') });
    }
    const officer = host.accounts.find((a) => a.role === 'officer')!;
    await s.username.fill(officer.username);
    await s.password.fill(officer.password);
    // The live updates arrive over the event stream, without a token too.
    const events = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/events' && r.status() === 200);
    await s.submit.click();
    await expect(shell(page).ready).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toContainText(officer.displayName);
    await expect(page.getByTestId('case-table').locator('tbody tr')).toHaveCount(4);
    expect((await events).headers()['content-type']).toBe('text/event-stream');
    // The session is the only credential: a __Host- cookie the page's scripts cannot read.
    const cookies = await context.cookies();
    expect(cookies).toEqual([
      expect.objectContaining({ name: expect.stringMatching(/^__Host-claimdesk_session_\d+$/), secure: true, httpOnly: true, sameSite: 'Strict', path: '/' }),
    ]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await context.close();
  } finally {
    await browser.close();
  }
});
