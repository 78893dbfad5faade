// `node --import ./tests/helpers/import-log.mjs …` appends every module the process resolves to the file
// named by CLAIMDESK_IMPORT_LOG: tests use it to see what a command loads.
import { register } from 'node:module';

register('./import-log-hooks.mjs', import.meta.url);
