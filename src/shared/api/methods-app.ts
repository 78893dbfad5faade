import { z } from 'zod';
import { defineMethods } from './define';
import { operatorSchema } from './roles';

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
      operator: operatorSchema,
      participantCount: z.number().int().nonnegative(),
    }),
  },
  'app.setOperator': {
    input: operatorSchema.strict(),
    output: operatorSchema,
    audit: true,
  },
});
