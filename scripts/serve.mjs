// `npm run serve [-- --home DIR --demo --port N]`: build the app if its sources changed, then start
// browser mode.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(process.execPath, [path.join(root, 'scripts', 'prepare-resources.mjs')]);
if (!build()) process.exit(1);
const args = process.argv.slice(2);
// Global options (--home, --json) go before the subcommand.
const globals = [];
const rest = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--home') globals.push(args[i], args[++i]);
  else if (args[i] === '--json') globals.push(args[i]);
  else rest.push(args[i]);
}
run(process.execPath, [path.join(root, 'bin', 'claimdesk.mjs'), ...globals, 'serve', ...rest]);
