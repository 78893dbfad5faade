import { z } from 'zod';
import { defineMethods } from './define';
import { SIGNED_IN } from './roles';

export const appMethods = defineMethods({
  'app.info': {
    input: z.object({}).strict(),
    output: z.object({
      name: z.literal('ClaimDesk'),
      version: z.string(),
      dataFolder: z.string(),
      databaseFile: z.string(),
      schemaVersion: z.number().int(),
      ocrLanguages: z.array(z.string()),
      transport: z.enum(['electron', 'browser', 'cli']),
      participantCount: z.number().int().nonnegative(),
    }),
    allow: SIGNED_IN,
  },
});
