// `claimdesk serve` started as a user starts it, in its own process: what tests and benches that need
// a running back end (to kill it, to fuzz it, to weigh its memory) talk to over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { storeEnv } from './store';

export interface ServedHost {
  proc: ChildProcess;
  url: string;
  port: number;
  token: string;
  /** The demo accounts with their passwords (printed once, on the start that seeded the folder). */
  accounts: { username: string; password: string; role: string }[];
}

/** `env` adds to the host's environment (a shared store's address for several desks, say). */
export function serveHost(home: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ServedHost> {
  return new Promise((resolve, reject) => {
    // --listen (a branch server) names its own port.
    const port = extra.includes('--listen') ? [] : ['--port', '0'];
    const proc = spawn(process.execPath, [path.resolve('bin/claimdesk.mjs'), '--home', home, '--json', 'serve', ...port, ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...storeEnv(home), ...env },
    });
    let out = '';
    let err = '';
    proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    proc.once('exit', (code, signal) => reject(new Error(`serve exited with ${code ?? signal}: ${err}`)));
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (!line) return;
      const parsed = JSON.parse(line) as { url: string; accounts?: ServedHost['accounts'] };
      const url = new URL(parsed.url);
      resolve({ proc, url: parsed.url, port: Number(url.port), token: url.searchParams.get('token') ?? '', accounts: parsed.accounts ?? [] });
    });
  });
}

/** Stops the host (SIGTERM, or SIGKILL as a power cut would) and waits for it to be gone. */
export async function stopHost(host: ServedHost, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (host.proc.exitCode !== null || host.proc.signalCode !== null) return;
  const gone = new Promise((r) => host.proc.once('exit', r));
  host.proc.kill(signal);
  await gone;
}
