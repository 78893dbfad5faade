import type { Command } from 'commander';
import { systemCaller } from '../../auth/caller';
import { createDispatcher } from '../../dispatch';
import { emit, failWith, type GlobalOptions } from '../output';
import { withContext } from '../with-context';

export function register(info: Command): void {
  info.action(async (_o, cmd: Command) => {
    const opts = cmd.optsWithGlobals<GlobalOptions>();
    await withContext(opts, async (ctx) => {
      const res = await createDispatcher(ctx)('app.info', {}, { system: systemCaller() });
      if (!res.ok) failWith(opts, res.error.message);
      const v = res.value as Record<string, unknown>;
      emit(opts, v, () =>
        [
          `ClaimDesk ${String(v.version)}`,
          `data folder:    ${String(v.dataFolder)}`,
          `database:       ${String(v.databaseFile)} (schema ${String(v.schemaVersion)})`,
          `OCR languages:  ${(v.ocrLanguages as string[]).join(', ') || '(none installed)'}`,
          `participants:   ${String(v.participantCount)}`,
        ].join('\n'),
      );
    });
  });
}
