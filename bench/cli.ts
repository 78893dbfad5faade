// `npm run bench -- cli [runs]`: how long `claimdesk --help` and `claimdesk info` take from the built app,
// wall time of the whole process as a user waits for it (target ≤ 0.5 s each, issue 13).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../scripts/build.mjs';
import { quantile } from './stats';

export default async function run(args: string[]): Promise<void> {
  const runs = Number(args[0] ?? 15);
  if (!build()) throw new Error('the app did not build');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-cli-'));
  try {
    const commands: [string, string[]][] = [
      ['claimdesk --help', ['--help']],
      ['claimdesk info', ['--home', home, 'info']],
    ];
    // The first run creates the database: not what a user waits for each time.
    spawnSync(process.execPath, ['bin/claimdesk.mjs', '--home', home, 'info']);
    for (const [label, argv] of commands) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const r = spawnSync(process.execPath, ['bin/claimdesk.mjs', ...argv], { encoding: 'utf8' });
        times.push((performance.now() - t) / 1000);
        if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr}`);
      }
      console.log(
        `${label.padEnd(18)} median ${quantile(times, 0.5).toFixed(2)} s, p90 ${quantile(times, 0.9).toFixed(2)} s, worst ${Math.max(...times).toFixed(2)} s (${runs} runs)`,
      );
    }
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
