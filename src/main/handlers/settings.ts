import type { settingsMethods } from '../../shared/api/methods-settings';
import { getSettings, updateSettings } from '../services/settings';
import type { HandlerMap } from './types';

export const settingsHandlers: HandlerMap<keyof typeof settingsMethods> = {
  'settings.get': (_input, ctx) => getSettings(ctx),
  'settings.update': (input, ctx, call) => updateSettings(ctx, call.caller, input),
};
