import path from 'node:path';
import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { describeAccounts, type DemoAccount } from '../../demo/accounts';
import { forkBackend, startRemoteBackend } from '../../backend/remote';
import { plainNetworkRefusal, startHost, type Host } from '../../host/server';
import {
  certificateCovers,
  checkPublicName,
  isLoopbackAddress,
  isWildcard,
  LOOPBACK_NAMES,
  loadTls,
  parseListen,
  servedNames,
  urlHost,
  type ListenAddress,
  type TlsFiles,
} from '../../host/network';
import { appRoot, resolveHome } from '../../paths';
import { badInput, failWith, type GlobalOptions } from '../output';

interface ServeOptions {
  port: string;
  listen?: string;
  tlsCert?: string;
  tlsKey?: string;
  publicName?: string[];
  demo?: boolean;
  demoFiles: boolean;
  renderer: string;
}

const collectNames = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean),
];

export function register(serve: Command): void {
  serve
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)', '0')
    .addOption(
      new Option('--listen <host:port>', 'address and port to listen on, e.g. 0.0.0.0:8443 (any address but loopback needs --tls-cert and --tls-key)')
        .env('CLAIMDESK_LISTEN')
        .conflicts('port'),
    )
    .addOption(new Option('--tls-cert <file>', 'branch-server mode: the PEM certificate (with its chain) desks see').env('CLAIMDESK_TLS_CERT'))
    .addOption(new Option('--tls-key <file>', 'branch-server mode: the PEM private key of that certificate (not encrypted)').env('CLAIMDESK_TLS_KEY'))
    .addOption(
      new Option('--public-name <name>', 'branch-server mode: a host name desks use (repeat or separate by commas); other names are refused')
        .env('CLAIMDESK_PUBLIC_NAME')
        .argParser(collectNames),
    )
    .option('--demo', 'seed the data folder with demo data first (only if empty)')
    .option('--no-demo-files', 'with --demo: participants and cases only, no scanned dossiers')
    .option('--renderer <dir>', 'built renderer folder', path.join(appRoot(), 'out', 'renderer'))
    .addHelpText(
      'after',
      `
Browser mode (the default) listens on 127.0.0.1 and prints a URL carrying a per-start token.
Branch-server mode (--tls-cert and --tls-key) serves desks on the branch network over HTTPS:
they open https://NAME:PORT/ and sign in with their own account; there is no token.`,
    )
    .action(async (o: ServeOptions, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) failWith(opts, badInput(`--port must be 0-65535, got ${o.port}`));
      let listen: ListenAddress = { host: '127.0.0.1', port };
      let tls: TlsFiles | undefined;
      let names: string[] = [];
      try {
        if (o.listen !== undefined) listen = parseListen(o.listen);
        if (!o.tlsCert !== !o.tlsKey) throw badInput('Branch-server mode needs both --tls-cert FILE and --tls-key FILE.');
        if (!o.tlsCert && !isLoopbackAddress(listen.host)) throw badInput(plainNetworkRefusal(listen.host || '0.0.0.0'));
        if (!o.tlsCert && o.publicName?.length) throw badInput('--public-name is for branch-server mode: give --tls-cert and --tls-key too.');
        if (o.tlsCert && o.tlsKey) {
          tls = loadTls(o.tlsCert, o.tlsKey);
          names = servedNames(listen.host, (o.publicName ?? []).map(checkPublicName));
        }
      } catch (err) {
        failWith(opts, err);
      }
      if (!fs.existsSync(path.join(o.renderer, 'index.html'))) {
        failWith(opts, badInput(`No built renderer in ${o.renderer}; run "npm run serve" (it builds first).`));
      }
      if (tls) {
        // The loopback names are there for the person at the server; a certificate need not name them.
        const x509 = tls.x509;
        const covered = (n: string): boolean => LOOPBACK_NAMES.includes(n) || certificateCovers(x509, n);
        if (o.publicName?.length) {
          for (const name of names.filter((n) => !covered(n))) {
            process.stderr.write(`claimdesk: warning: the certificate does not name ${name}; a browser opening it warns that the connection is not secure.\n`);
          }
        } else {
          // The printed address is one the certificate names, where there is one.
          names = [...names.filter((n) => !LOOPBACK_NAMES.includes(n) && covered(n)), ...names.filter((n) => LOOPBACK_NAMES.includes(n) || !covered(n))];
          if (!covered(names[0]!)) {
            process.stderr.write(
              `claimdesk: warning: the certificate names none of this machine's names (${names.filter((n) => !LOOPBACK_NAMES.includes(n)).join(', ')}); ` +
                'give the name desks use with --public-name NAME and a certificate for it.\n',
            );
          }
        }
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
      let host: Host;
      try {
        host = await startHost({
          backend,
          rendererDir: o.renderer,
          port: listen.port,
          address: listen.host,
          ...(tls ? { tls: { cert: tls.cert, key: tls.key }, names } : {}),
        });
      } catch (err) {
        await backend.close();
        const code = (err as NodeJS.ErrnoException).code;
        const where = `${urlHost(listen.host)}:${listen.port}`;
        failWith(
          opts,
          code === 'EADDRINUSE'
            ? badInput(`Cannot listen on ${where}: the port is in use.`)
            : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
              ? badInput(`Cannot listen on ${where}: this machine has no such address.`)
              : code === 'EACCES'
                ? badInput(`Cannot listen on ${where}: permission denied (ports below 1024 need privileges).`)
                : err,
        );
      }
      if (host.mode === 'network') {
        const others = names.slice(1).filter((n) => !LOOPBACK_NAMES.includes(n));
        const setupHere = isWildcard(listen.host) ? ` (or open https://localhost:${host.port}/ on this machine)` : '';
        process.stdout.write(
          `ClaimDesk is running as a branch server (HTTPS).\nData folder: ${started.home}\nDesks open this address and sign in with their own account:\n\n    ${host.url}\n\n` +
            (others.length ? `It also answers as: ${others.map((n) => `https://${n}:${host.port}/`).join(', ')}\n` : '') +
            (started.firstRun
              ? `No account exists yet, and desks cannot set up the first administrator over the network: create it on this machine with "claimdesk users add NAME --role admin"${setupHere}.\n`
              : '') +
            'Press Ctrl+C to stop.\n',
        );
      } else {
        process.stdout.write(
          `ClaimDesk is running in browser mode.\nData folder: ${started.home}\nOpen this URL (it carries this start's token), then sign in:\n\n    ${host.url}\n\n` +
            (started.firstRun ? 'No account exists yet: the page asks you to set up the first administrator.\n' : '') +
            'Press Ctrl+C to stop.\n',
        );
      }
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({ url: host.url, port: host.port, mode: host.mode, ...(host.mode === 'network' ? { names } : {}), dataFolder: started.home, accounts, pid: process.pid, backendPid: backend.pid })}\n`,
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
