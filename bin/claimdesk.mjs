#!/usr/bin/env node
// The `claimdesk` command. Runs the TypeScript sources through tsx so the CLI, the browser-mode host
// and the tests execute the very same back-end code.
import { register } from 'tsx/esm/api';

register();
// tsx turns on Node's source-map cache, which keeps every module's map in memory (~50 MB of heap here):
// each full garbage collection then marks it again, and OCR, which allocates a page-sized buffer after
// another, runs many. Messages shown to users never need TypeScript line numbers; a developer who wants
// them passes --enable-source-maps.
if (![...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].includes('--enable-source-maps')) process.setSourceMapsEnabled(false);
const { main } = await import('../src/main/cli/index.ts');
process.exitCode = await main(process.argv);
