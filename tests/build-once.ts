// Test runs that start the real `claimdesk` (the CLI, browser mode) run the built app: build it first when
// its sources changed, so a test never exercises an out-of-date build.
import { build } from '../scripts/build.mjs';

export default function buildOnce(): void {
  if (!build()) throw new Error('the app did not build (npm run build shows why)');
}
