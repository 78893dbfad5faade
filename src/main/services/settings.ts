// Administrator settings kept in the settings table: the sign-in policy, the review policy (which claim
// types may be approved on submit) and the local override of the rule parameters. Each change is
// written with its audit entry (old and new value) in one transaction.
import { z } from 'zod';
import {
  authPolicySchema,
  branchSchema,
  DEFAULT_AUTH_POLICY,
  DEFAULT_BRANCH,
  type Branch,
  DEFAULT_REVIEW_POLICY,
  reviewPolicySchema,
  type AuthPolicy,
  type Holiday,
  type ReviewPolicy,
  type Settings,
} from '../../shared/api/methods-settings';
import { AppError } from '../../shared/api/result';
import { mergeRulesConfig, rulesConfigOverrideSchema, rulesConfigSchema, type RulesConfigOverride } from '../../shared/rules/config';
import type { Caller } from '../auth/caller';
import { activeHolidays, HOLIDAYS_SETTING, RULES_CONFIG_SETTING, loadRulesConfig, shippedRulesConfig } from '../checks/config-store';
import type { BackendContext } from '../context';

const AUTH_KEY = 'auth.policy';
const REVIEW_KEY = 'review.policy';
const BRANCH_KEY = 'branch';

function read<T>(ctx: BackendContext, key: string, schema: z.ZodType<T>, fallback: T): T {
  const row = ctx.db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck().get(key) as string | undefined;
  if (!row) return fallback;
  try {
    // Stored values are merged over the defaults, so a setting added later has its default.
    const parsed = schema.safeParse({ ...fallback, ...(JSON.parse(row) as object) });
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

function write(ctx: BackendContext, key: string, value: unknown): void {
  ctx.db.prepare(`INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(key, JSON.stringify(value));
}

export const authPolicy = (ctx: BackendContext): AuthPolicy => read(ctx, AUTH_KEY, authPolicySchema, DEFAULT_AUTH_POLICY);

export function reviewPolicy(ctx: BackendContext): ReviewPolicy {
  const stored = read(ctx, REVIEW_KEY, reviewPolicySchema, DEFAULT_REVIEW_POLICY);
  return { autoApprove: { ...DEFAULT_REVIEW_POLICY.autoApprove, ...stored.autoApprove } };
}

function rulesOverride(ctx: BackendContext): RulesConfigOverride {
  const row = ctx.db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck().get(RULES_CONFIG_SETTING) as string | undefined;
  const parsed = row ? rulesConfigOverrideSchema.safeParse(JSON.parse(row)) : null;
  return parsed?.success ? parsed.data : {};
}

export const branchDetails = (ctx: BackendContext): Branch => read(ctx, BRANCH_KEY, branchSchema, DEFAULT_BRANCH);

export function getSettings(ctx: BackendContext): Settings {
  const holidays = activeHolidays(ctx);
  return {
    auth: authPolicy(ctx),
    review: reviewPolicy(ctx),
    rules: rulesOverride(ctx),
    holidays: holidays.days,
    holidaysEdited: holidays.edited,
    branch: branchDetails(ctx),
  };
}

export interface SettingsUpdate {
  auth?: Partial<AuthPolicy> | undefined;
  review?: { autoApprove: Partial<ReviewPolicy['autoApprove']> } | undefined;
  rules?: RulesConfigOverride | undefined;
  holidays?: Holiday[] | null | undefined;
  branch?: Partial<Branch> | undefined;
}

export function updateSettings(ctx: BackendContext, caller: Caller, update: SettingsUpdate): Settings {
  ctx.db.transaction(() => {
    const before = getSettings(ctx);
    if (update.auth) {
      const next = authPolicySchema.parse({ ...before.auth, ...update.auth });
      write(ctx, AUTH_KEY, next);
      ctx.audit(caller, 'settings.update', { setting: AUTH_KEY, old: before.auth, new: next });
    }
    if (update.review) {
      const next = reviewPolicySchema.parse({ autoApprove: { ...before.review.autoApprove, ...update.review.autoApprove } });
      write(ctx, REVIEW_KEY, next);
      ctx.audit(caller, 'settings.update', { setting: REVIEW_KEY, old: before.review, new: next });
    }
    if (update.rules) {
      // Validated against the shipped table: an unknown parameter or a value out of range is refused.
      try {
        rulesConfigSchema.parse(mergeRulesConfig(shippedRulesConfig(ctx), update.rules));
      } catch (err) {
        throw new AppError(
          'invalid_input',
          `Rule parameters: ${err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message}`,
          { reason: 'rules' },
        );
      }
      write(ctx, RULES_CONFIG_SETTING, update.rules);
      ctx.audit(caller, 'settings.update', { setting: RULES_CONFIG_SETTING, old: before.rules, new: update.rules, version: loadRulesConfig(ctx).version });
    }
    if (update.branch) {
      const next = branchSchema.parse({ ...before.branch, ...update.branch });
      write(ctx, BRANCH_KEY, next);
      ctx.audit(caller, 'settings.update', { setting: BRANCH_KEY, old: before.branch, new: next });
    }
    if (update.holidays !== undefined) {
      // Sorted and one per date; null goes back to the shipped list.
      const next =
        update.holidays === null ? null : [...new Map(update.holidays.map((h) => [h.date, h])).values()].sort((a, b) => a.date.localeCompare(b.date));
      if (next === null) ctx.db.prepare(`DELETE FROM settings WHERE key = ?`).run(HOLIDAYS_SETTING);
      else write(ctx, HOLIDAYS_SETTING, next);
      ctx.audit(caller, 'settings.update', { setting: HOLIDAYS_SETTING, old: before.holidays, new: next ?? activeHolidays(ctx).days });
    }
  })();
  return getSettings(ctx);
}
