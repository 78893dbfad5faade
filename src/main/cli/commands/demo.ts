import type { Command } from 'commander';
import { describeAccounts } from '../../demo/accounts';
import { seedDemo } from '../../demo/seed';
import { emit, type GlobalOptions } from '../output';
import { withContext } from '../with-context';

export function register(demo: Command): void {
  demo.option('--no-files', 'participants and cases only, no scanned dossiers').action(async (o: { files: boolean }, cmd: Command) => {
    const opts = cmd.optsWithGlobals<GlobalOptions>();
    await withContext(opts, async (ctx) => {
      const result = await seedDemo(ctx, { files: o.files });
      emit(opts, { ...result, dataFolder: ctx.home }, () =>
        result.seeded
          ? [
              `Seeded ${ctx.home} with ${result.participants} synthetic participants, ${result.cases} sample cases and ${result.files} scanned files.`,
              describeAccounts(result.accounts),
            ]
              .filter(Boolean)
              .join('\n')
          : `${ctx.home} already holds data; demo data was not added.`,
      );
    });
  });
}
