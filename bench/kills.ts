// The full SIGKILL loop (issue 16 item 9): `claimdesk serve` killed during OCR and during saves, and a
// participant import killed half-way, 21 times by default, each followed by the checks of
// tests/helpers/kill-loop.ts; prints each kill and what held. Asserts nothing.
// npm run bench -- kills [--kills N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildOcrFixtures } from '../tests/fixtures/ocr/build';
import { killLoop } from '../tests/helpers/kill-loop';
import { argOf } from './stats';

export default async function run(args: string[]): Promise<void> {
  const kills = argOf(args, '--kills', 21);
  const fx = await buildOcrFixtures();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-kills-'));
  try {
    let seed = 2027;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) % 10_000) / 10_000;
    const scans = ['scan-2p.pdf', 'page.png'].map((name) => ({ name, bytes: fs.readFileSync(fx.path(name)) }));
    const t = performance.now();
    const { reports, final } = await killLoop({ home, kills, scans, random, log: (l) => console.log(`  ${l}`) });
    const held = reports.filter((r) => r.problems.length === 0).length;
    const by = (phase: string): string => `${reports.filter((r) => r.phase === phase).length} ${phase}`;
    console.log(
      `\n${reports.length} kills (${by('ocr')}, ${by('save')}, ${by('import')}): ${held} held every check, in ${((performance.now() - t) / 1000).toFixed(0)} s`,
    );
    console.log(
      `after the last restart: ${final.length ? final.join('; ') : 'pages all read, interrupted imports undone and recorded, integrity and audit chain intact'}`,
    );
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(fx.dir, { recursive: true, force: true });
  }
}
