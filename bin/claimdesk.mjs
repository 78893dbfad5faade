#!/usr/bin/env node
// The `claimdesk` command. Runs the TypeScript sources through tsx so the CLI, the browser-mode host
// and the tests execute the very same back-end code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main/cli/index.ts');
process.exitCode = await main(process.argv);
