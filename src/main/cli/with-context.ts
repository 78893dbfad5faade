import { BackendContext } from '../context';
import { resolveHome } from '../paths';
import type { GlobalOptions } from './output';

/** Open the data folder's database for one command and always close it. */
export async function withContext<T>(opts: GlobalOptions, run: (ctx: BackendContext) => Promise<T> | T): Promise<T> {
  const ctx = new BackendContext({ home: resolveHome(opts.home), transport: 'cli' });
  try {
    return await run(ctx);
  } finally {
    await ctx.close();
  }
}
