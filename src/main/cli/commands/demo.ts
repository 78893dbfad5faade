import type { Command } from 'commander';
import { seedDemo } from '../../demo/seed';
import { emit, type GlobalOptions } from '../output';
import { withContext } from '../with-context';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('seed an empty data folder with synthetic participants and sample claim cases')
    .action(async (_o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      await withContext(opts, async (ctx) => {
        const result = await seedDemo(ctx);
        emit(opts, { ...result, dataFolder: ctx.home }, () =>
          result.seeded
            ? `Seeded ${ctx.home} with ${result.participants} synthetic participants and ${result.cases} sample cases.`
            : `${ctx.home} already holds data; demo data was not added.`,
        );
      });
    });
}
