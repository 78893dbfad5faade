import { systemCaller, type SystemCaller } from '../auth/caller';
import { BackendContext } from '../context';
import { resolveHome } from '../paths';
import type { GlobalOptions } from './output';

/**
 * Open the data folder's database for one command and always close it. The command line acts as the
 * local system operator: whoever runs it already holds the data folder, so it signs in as no one and
 * is audited as system:<OS user>. It never decides cases.
 */
export async function withContext<T>(opts: GlobalOptions, run: (ctx: BackendContext, caller: SystemCaller) => Promise<T> | T): Promise<T> {
  const ctx = new BackendContext({ home: resolveHome(opts.home), transport: 'cli' });
  try {
    return await run(ctx, systemCaller());
  } finally {
    await ctx.close();
  }
}
