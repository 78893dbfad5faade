// The integration tier leaves nothing behind: every data folder a test made is removed and every
// process it started (the CLI, browser mode, a back end) has ended when the run is over.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A benchmark or the dev-set scorer run beside the tests on the same machine makes folders of its own
// (claimdesk-bench-…, claimdesk-devset-…): not the tests' to clean up.
const tempFolders = (): Set<string> => new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('claimdesk-') && !/^claimdesk-(bench|devset)-/.test(n)));

/** Processes running the app's entries (the CLI, the back end) that belong to this checkout. */
function appProcesses(): Map<number, string> {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const here = process.cwd();
  const found = new Map<number, string>();
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const args = m[2] as string;
    // The CLI as the tests start it: by its path in this checkout, or relative to it (their working folder).
    const cli = args.includes(path.join(here, 'bin', 'claimdesk.mjs')) || /(^|\s)bin\/claimdesk\.mjs(\s|$)/.test(args);
    if (args.includes(path.join(here, 'out', 'main')) || cli) found.set(Number(m[1]), args);
  }
  return found;
}

export default function noLeaks(): () => Promise<void> {
  const folders = tempFolders();
  const processes = appProcesses();
  return async () => {
    // A process being stopped at the very end gets a moment to go.
    for (let i = 0; i < 20; i++) {
      if ([...appProcesses().keys()].every((pid) => processes.has(pid))) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const leftFolders = [...tempFolders()].filter((n) => !folders.has(n));
    const leftProcesses = [...appProcesses()].filter(([pid]) => !processes.has(pid));
    if (leftFolders.length || leftProcesses.length) {
      throw new Error(
        `Tests left things behind:${leftFolders.map((f) => `\n  folder ${path.join(os.tmpdir(), f)}`).join('')}${leftProcesses.map(([pid, a]) => `\n  process ${pid}: ${a}`).join('')}`,
      );
    }
  };
}
