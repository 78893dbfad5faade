import path from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The desktop shell and the command line (which is also browser mode's host) share the back end.
        input: {
          index: path.resolve(import.meta.dirname, 'src/main/electron/index.ts'),
          cli: path.resolve(import.meta.dirname, 'src/main/cli/index.ts'),
          // The back end's own process (Electron's utility process; a child of `claimdesk serve`).
          backend: path.resolve(import.meta.dirname, 'src/main/backend/entry.ts'),
          // A worker thread's entry: page reading off the back end's thread (src/main/ocr/readers.ts).
          'reader-thread': path.resolve(import.meta.dirname, 'src/main/ocr/reader-thread.ts'),
          // Extraction off the back end's thread (src/main/extraction/extractor.ts).
          'extract-thread': path.resolve(import.meta.dirname, 'src/main/extraction/extract-thread.ts'),
          // The PostgreSQL connection's thread (src/main/db/postgres.ts).
          'pg-thread': path.resolve(import.meta.dirname, 'src/main/db/pg-thread.ts'),
        },
        // Chunks stay beside the entries: paths.ts and version.ts find the app root from their own
        // folder (out/main/ in the build, src/main/ from source, both two levels down).
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin({ exclude: ['zod'] })],
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { index: path.resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
