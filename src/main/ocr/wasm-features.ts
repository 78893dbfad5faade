// tesseract.js picks its fastest WebAssembly build the runtime supports. Electron's V8 runs relaxed SIMD
// (an 8-bit dot product the integer LSTM models use) by default; Node 20's V8 has it behind a flag.
// Turning the flag on where it is off makes browser mode, the command line, the benches and the tests
// read with the same engine build as the desktop app (its output was checked identical word for word
// and confidence for confidence on the dev set's pages; it reads about an eighth faster).
import v8 from 'node:v8';
import { relaxedSimd } from 'wasm-feature-detect';

let checked: Promise<boolean> | null = null;

/** Whether tesseract.js can use its relaxed-SIMD build in this process, turning the feature on first if
 * the runtime has it behind a flag. V8's flags are the process's: every thread started afterwards sees it. */
export function useRelaxedSimd(): Promise<boolean> {
  checked ??= (async () => {
    if (await relaxedSimd()) return true;
    v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
    return relaxedSimd();
  })();
  return checked;
}
