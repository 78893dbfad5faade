// Exports for reporting upward (issue 15 item 3): CSV the branch hands on without retyping.
import { z } from 'zod';
import { defineMethods } from './define';
import { AUDITORS } from './roles';
import { isoDateSchema } from '../domain/participant';
import { dashboardRangeSchema, dashboardTableSchema } from './methods-dashboard';

export const exportsMethods = defineMethods({
  /** Every decision made in the range (yyyy-mm-dd, both days included; either end open), as CSV. */
  'exports.decisions': {
    input: z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() }).strict(),
    output: z.object({ csv: z.string(), rows: z.number().int().nonnegative() }),
    allow: AUDITORS,
    audit: 'input',
  },
  /** One of the branch dashboard's tables over the range, as CSV. */
  'exports.dashboard': {
    input: dashboardRangeSchema.extend({ table: dashboardTableSchema }).strict(),
    output: z.object({ csv: z.string(), rows: z.number().int().nonnegative() }),
    allow: AUDITORS,
    audit: 'input',
  },
});
