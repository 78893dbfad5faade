import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { homeArg, storeEnv } from './store';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real `claimdesk` binary as a user would. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [path.resolve('bin/claimdesk.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...storeEnv(env.CLAIMDESK_HOME ?? homeArg(args)), ...env },
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
