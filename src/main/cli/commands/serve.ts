import path from 'node:path';
import fs from 'node:fs';
import type { Command } from 'commander';
import { describeAccounts, type DemoAccount } from '../../demo/accounts';
import { forkBackend, startRemoteBackend } from '../../backend/remote';
import { startHost } from '../../host/server';
import { appRoot, resolveHome } from '../../paths';
import { badInput, failWith, type GlobalOptions } from '../output';

export function register(serve: Command): void {
  serve
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)', '0')
    .option('--demo', 'seed the data folder with demo data first (only if empty)')
    .option('--no-demo-files', 'with --demo: participants and cases only, no scanned dossiers')
    .option('--renderer <dir>', 'built renderer folder', path.join(appRoot(), 'out', 'renderer'))
    .action(async (o: { port: string; demo?: boolean; demoFiles: boolean; renderer: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) failWith(opts, badInput(`--port must be 0-65535, got ${o.port}`));
      if (!fs.existsSync(path.join(o.renderer, 'index.html'))) {
        failWith(opts, badInput(`No built renderer in ${o.renderer}; run "npm run serve" (it builds first).`));
      }
      // The back end runs in a child process: this one only serves HTTP, so a long import or OCR never
      // holds up a page or a call.
      let remote: Awaited<ReturnType<typeof startRemoteBackend>>;
      try {
        remote = await startRemoteBackend(forkBackend(), {
          home: resolveHome(opts.home),
          transport: 'browser',
          ...(o.demo ? { demo: { files: o.demoFiles } } : {}),
        });
      } catch (err) {
        failWith(opts, err);
      }
      const { backend, started } = remote;
      let accounts: DemoAccount[] = [];
      if (started.demo) {
        accounts = started.demo.accounts;
        const d = started.demo;
        if (d.seeded) process.stdout.write(`Demo data: ${d.participants} participants, ${d.cases} cases, ${d.files} scanned files.\n`);
        if (accounts.length) process.stdout.write(`${describeAccounts(accounts)}\n`);
      }
      const host = await startHost({ backend, rendererDir: o.renderer, port });
      process.stdout.write(
        `ClaimDesk is running in browser mode.\nData folder: ${started.home}\nOpen this URL (it carries this start's token), then sign in:\n\n    ${host.url}\n\n` +
          (started.firstRun ? 'No account exists yet: the page asks you to set up the first administrator.\n' : '') +
          'Press Ctrl+C to stop.\n',
      );
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({ url: host.url, port: host.port, dataFolder: started.home, accounts, pid: process.pid, backendPid: backend.pid })}\n`,
        );
      }
      const stop = async (code = 0): Promise<void> => {
        await host.close();
        await backend.close();
        process.exit(code);
      };
      backend.onCrash((code) => {
        process.stderr.write(`claimdesk: the back end stopped unexpectedly (exit ${code}); nothing saved is lost. Start ClaimDesk again.\n`);
        void stop(1);
      });
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      await new Promise(() => undefined);
    });
}
