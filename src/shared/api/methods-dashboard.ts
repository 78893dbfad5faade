// The branch dashboard (issue 15 item 2): what a branch head reads to see where verification stalls.
// Figures over a date range of intake (cases received, flags) or of decision (times, returns, people);
// the backlog is the open cases as they stand today. Every table here is also exported as CSV.
import { z } from 'zod';
import { CLAIM_TYPES, ruleIdSchema, severitySchema } from '../domain/claims';
import { isoDateSchema } from '../domain/participant';
import { RETURN_REASONS } from '../domain/workflow';
import { defineMethods } from './define';
import { AUDITORS } from './roles';

const count = z.number().int().nonnegative();
const perType = z.object(Object.fromEntries(CLAIM_TYPES.map((t) => [t, count])) as Record<(typeof CLAIM_TYPES)[number], typeof count>);

/** Working-day age bands of the open cases, youngest first. */
export const AGE_BANDS = ['0-1', '2-3', '4-7', '8-14', '15+'] as const;
/** Longest span still shown day by day; up to a year goes by week (from Monday), beyond by month. */
export const DAILY_MAX_DAYS = 62;
export const WEEKLY_MAX_DAYS = 371;

export const dashboardRangeSchema = z
  .object({
    /** First day of the range (yyyy-mm-dd), included. */
    from: isoDateSchema,
    /** Last day of the range (yyyy-mm-dd), included. */
    to: isoDateSchema,
  })
  .strict();
export type DashboardRange = z.infer<typeof dashboardRangeSchema>;

const decisionTimeRow = z.object({
  claimType: z.enum(CLAIM_TYPES),
  decided: count,
  /** Working days from intake to decision, nearest-rank percentiles; null with no decision. */
  medianDays: count.nullable(),
  p90Days: count.nullable(),
  /** The statutory time in working days (rule parameters); null where none is set. */
  statutoryDays: count.nullable(),
  /** Decisions made within the statutory time, and after it. */
  withinStatutory: count,
  overStatutory: count,
});

export const dashboardSchema = z.object({
  range: dashboardRangeSchema,
  /** The day the backlog is counted on. */
  today: isoDateSchema,
  totals: z.object({ received: count, decided: count, returned: count, open: count }),
  received: z.object({
    bucket: z.enum(['day', 'week', 'month']),
    /** One row per day, week or month of the range (the first may start before `from`), zeros kept. */
    rows: z.array(perType.extend({ start: isoDateSchema, total: count })),
  }),
  decisionTime: z.object({
    all: decisionTimeRow.omit({ claimType: true }),
    byType: z.array(decisionTimeRow),
    /** How many decisions took each number of working days; the last row counts 15 and more. */
    histogram: z.array(z.object({ days: count, decided: count })),
  }),
  backlog: z.object({
    byAge: z.array(z.object({ band: z.enum(AGE_BANDS), withinTime: count, overdue: count, noStatutoryTime: count })),
    byType: z.array(
      z.object({
        claimType: z.enum(CLAIM_TYPES),
        open: count,
        withinTime: count,
        overdue: count,
        noStatutoryTime: count,
        statutoryDays: count.nullable(),
        oldestDays: count.nullable(),
      }),
    ),
  }),
  /** Findings raised on the cases received in the range, by rule, most frequent first. */
  flagsByRule: z.array(z.object({ rule: ruleIdSchema, severity: severitySchema, cases: count, flags: count })),
  /** Returns in the range by the supervisor's reason; `unrecorded` for returns made before reasons were asked. */
  returnsByReason: z.array(z.object({ reason: z.enum([...RETURN_REASONS, 'unrecorded']), returns: count })),
  /** Per person in the range: cases submitted with what pre-filling saved, and decisions made. */
  people: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      submitted: count,
      fieldsPrefilled: count,
      fieldsKeyed: count,
      /** Characters of values submitted as read: keys nobody had to type. */
      keysSaved: count,
      keysTyped: count,
      approved: count,
      rejected: count,
      returned: count,
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** The dashboard's tables as exported (CSV), each as shown beside its chart. */
export const DASHBOARD_TABLES = ['received', 'decision_time', 'backlog_age', 'backlog_type', 'flags', 'returns', 'people'] as const;
export const dashboardTableSchema = z.enum(DASHBOARD_TABLES);
export type DashboardTable = z.infer<typeof dashboardTableSchema>;

/** The range the dashboard opens on: the 30 days up to today. */
export const DEFAULT_RANGE_DAYS = 30;

export const dashboardMethods = defineMethods({
  'dashboard.branch': {
    input: dashboardRangeSchema,
    output: dashboardSchema,
    allow: AUDITORS,
  },
});
