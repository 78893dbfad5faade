// The renderer build, shared by the desktop app (electron-vite) and browser mode (npm run serve).
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

export const rendererConfig: UserConfig = {
  root: path.resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: path.resolve(import.meta.dirname, 'src/renderer/index.html') },
  },
};

export default rendererConfig;
