import type { appMethods } from '../../shared/api/methods-app';
import { SCHEMA_VERSION } from '../db/migrations/index';
import { availableOcrLanguages } from '../ocr-languages';
import { participantsRepo } from '../services/participants-repo';
import { APP_VERSION } from '../version';
import type { HandlerMap } from './types';

export const appHandlers: HandlerMap<keyof typeof appMethods> = {
  'app.info': (_input, ctx) => ({
    name: 'ClaimDesk',
    version: APP_VERSION,
    dataFolder: ctx.home,
    databaseFile: ctx.storeLabel,
    schemaVersion: SCHEMA_VERSION,
    ocrLanguages: availableOcrLanguages(),
    transport: ctx.options.transport,
    participantCount: participantsRepo(ctx).total(),
  }),
};
