import type { settingsMethods } from '../../shared/api/methods-settings';
import { getSettings, updateSettings } from '../services/settings';
import { DECIDED_STATUSES } from '../../shared/domain/workflow';
import { caseChanged } from '../services/case-processor';
import type { HandlerMap } from './types';
import { backupTo } from '../backup/backup';
import { setStore, storeSetting } from '../services/store-setting';

export const settingsHandlers: HandlerMap<keyof typeof settingsMethods> = {
  'settings.get': (_input, ctx) => getSettings(ctx),
  'settings.update': (input, ctx, call) => {
    const updated = updateSettings(ctx, call.caller, input);
    // Other holidays move the statutory deadlines of every open case: their checks run again in the background.
    if (input.holidays !== undefined) {
      const open = ctx.db
        .prepare(`SELECT id FROM cases WHERE status NOT IN (${DECIDED_STATUSES.map(() => '?').join(',')})`)
        .pluck()
        .all(...DECIDED_STATUSES) as number[];
      for (const id of open) caseChanged(ctx, id, 'content');
    }
    return updated;
  },
  'settings.store': (_input, ctx) => storeSetting(ctx),
  'settings.setStore': (input, ctx, call) => setStore(ctx, call.caller, input),
  // Audited by createBackup, in the source's trail, once the backup is complete.
  'settings.backup': (input, ctx, call) => backupTo(ctx, call.caller, input.folder),
};
