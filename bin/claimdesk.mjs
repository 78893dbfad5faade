#!/usr/bin/env node
// The `claimdesk` command: runs the built back end (out/main/cli.js, made by `npm run build`), the same
// JavaScript the desktop app and browser mode run. Nothing is transpiled at run time.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(`claimdesk: ClaimDesk is not built yet (${cli} is missing); run "npm run build" in ${path.dirname(path.dirname(cli))}.\n`);
  process.exit(1);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv);
