// Work the back end resumes whenever it starts with a data folder (desktop or browser mode).
import type { BackendContext } from './context';

export function startBackgroundWork(ctx: BackendContext): void {
  const tasks: ((c: BackendContext) => unknown)[] = [];
  for (const task of tasks) {
    void Promise.resolve()
      .then(() => task(ctx))
      .catch((err: unknown) => console.error(`[claimdesk] startup task failed: ${String(err)}`));
  }
}
