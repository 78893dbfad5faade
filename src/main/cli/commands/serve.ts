import path from 'node:path';
import fs from 'node:fs';
import type { Command } from 'commander';
import { BackendContext } from '../../context';
import { describeAccounts, seedDemo, type DemoAccount } from '../../demo/seed';
import { startHost } from '../../host/server';
import { appRoot, resolveHome } from '../../paths';
import { startBackgroundWork } from '../../startup';
import { badInput, failWith, type GlobalOptions } from '../output';
import { countUsers } from '../../auth/users';

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
      let ctx: BackendContext;
      try {
        ctx = new BackendContext({ home: resolveHome(opts.home), transport: 'browser' });
      } catch (err) {
        failWith(opts, err);
      }
      let accounts: DemoAccount[] = [];
      if (o.demo) {
        const seeded = await seedDemo(ctx, { files: o.demoFiles });
        accounts = seeded.accounts;
        if (seeded.seeded) process.stdout.write(`Demo data: ${seeded.participants} participants, ${seeded.cases} cases, ${seeded.files} scanned files.\n`);
        if (accounts.length) process.stdout.write(`${describeAccounts(accounts)}\n`);
      }
      const firstRun = countUsers(ctx) === 0;
      startBackgroundWork(ctx);
      const host = await startHost({ ctx, rendererDir: o.renderer, port });
      process.stdout.write(
        `ClaimDesk is running in browser mode.\nData folder: ${ctx.home}\nOpen this URL (it carries this start's token), then sign in:\n\n    ${host.url}\n\n` +
          (firstRun ? 'No account exists yet: the page asks you to set up the first administrator.\n' : '') +
          'Press Ctrl+C to stop.\n',
      );
      if (opts.json) process.stdout.write(`${JSON.stringify({ url: host.url, port: host.port, dataFolder: ctx.home, accounts })}\n`);
      const stop = async (): Promise<void> => {
        await host.close();
        await ctx.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      await new Promise(() => undefined);
    });
}
