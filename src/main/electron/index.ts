// Electron entry point (built by electron-vite into out/main/index.js).
import path from 'node:path';
import * as electron from 'electron';
import { registerSchemes, startShell } from './main-process';

registerSchemes(electron);
void electron.app.whenReady().then(() =>
  startShell(electron, {
    outDir: path.resolve(import.meta.dirname, '..'),
    argv: process.argv,
    env: process.env,
    ...(electron.app.isPackaged ? { packagedResources: process.resourcesPath } : {}),
  }),
);
electron.app.on('window-all-closed', () => electron.app.quit());
