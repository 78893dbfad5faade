// Settings an administrator changes: the sign-in policy, which claim types may be approved on submit,
// and local overrides of the cross-check parameters. Every change is audited with its old and new value.
import { z } from 'zod';
import { CLAIM_TYPES } from '../domain/claims';
import { DEFAULT_AUTO_APPROVE } from '../domain/workflow';
import { isoDateSchema } from '../domain/participant';
import { rulesConfigOverrideSchema } from '../rules/config';
import { defineMethods } from './define';
import { ADMINS, SIGNED_IN } from './roles';

export const authPolicySchema = z.object({
  /** Failed sign-ins in a row that lock the account. */
  maxFailures: z.number().int().min(1).max(50),
  lockMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Minutes without input after which a window signs out (and the server ends the session). */
  idleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** A session ends this long after sign-in, busy or not. */
  sessionHours: z.number().int().min(1).max(72),
});
export type AuthPolicy = z.infer<typeof authPolicySchema>;
export const DEFAULT_AUTH_POLICY: AuthPolicy = { maxFailures: 5, lockMinutes: 15, idleMinutes: 30, sessionHours: 12 };

export const reviewPolicySchema = z.object({
  /** Per claim type: may a case whose every check ran and passed be approved on the officer's submit? */
  autoApprove: z.object(Object.fromEntries(CLAIM_TYPES.map((c) => [c, z.boolean()])) as Record<(typeof CLAIM_TYPES)[number], z.ZodBoolean>),
});
export type ReviewPolicy = z.infer<typeof reviewPolicySchema>;
export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { autoApprove: { ...DEFAULT_AUTO_APPROVE } };

/** A public holiday: the statutory processing clock does not run on it. */
export const holidaySchema = z.object({ date: isoDateSchema, name: z.string().trim().min(1).max(100) }).strict();
export const holidaysSchema = z.array(holidaySchema).max(400);
export type Holiday = z.infer<typeof holidaySchema>;

/** The branch as the participant letter names it: where to bring documents, when, and whom to call. */
export const branchSchema = z.object({
  name: z.string().trim().max(200),
  address: z.string().trim().max(500),
  phone: z.string().trim().max(100),
  hours: z.string().trim().max(200),
  /** Working days the participant has to bring what is missing. */
  bringWithinDays: z.number().int().min(1).max(90),
});
export type Branch = z.infer<typeof branchSchema>;
export const DEFAULT_BRANCH: Branch = { name: '', address: '', phone: '', hours: '', bringWithinDays: 10 };

export const settingsSchema = z.object({
  auth: authPolicySchema,
  review: reviewPolicySchema,
  /** The administrator's local override of the shipped rule parameters (empty when none). */
  rules: rulesConfigOverrideSchema,
  /** The public holidays in force: the administrator's list, else the shipped one (resources/requirements/holidays.json). */
  holidays: holidaysSchema,
  /** Whether `holidays` is the administrator's list. */
  holidaysEdited: z.boolean(),
  branch: branchSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const backupResultSchema = z.object({
  /** The backup's folder, on the machine that runs the back end. */
  folder: z.string(),
  /** Files of the document store copied (originals and page previews), besides the database. */
  files: z.number().int().nonnegative(),
  /** Everything written: database, files and manifest. */
  bytes: z.number().int().nonnegative(),
  databaseSha256: z.string(),
  manifestSha256: z.string(),
  cases: z.number().int().nonnegative(),
});
export type BackupResult = z.infer<typeof backupResultSchema>;

/** Which store this desk works on, and what an administrator saved in Settings for the next start. */
export const storeSettingSchema = z.object({
  /** The store in use now: the embedded file's path, or the server's address without its password. */
  current: z.object({ kind: z.enum(['sqlite', 'postgres']), shown: z.string() }),
  /** What chose it: the start's --database or CLAIMDESK_DATABASE (which Settings cannot override), Settings, or nothing. */
  chosenBy: z.enum(['environment', 'settings', 'default']),
  /** The address saved in Settings, without its password; null for the embedded database. */
  saved: z.string().nullable(),
  /** Whether the saved choice differs from the store in use, so it takes effect when ClaimDesk starts again. */
  restartNeeded: z.boolean(),
  /** Cases in the embedded database of this data folder (what moving to a server leaves behind unless migrated). */
  embeddedCases: z.number().int().nonnegative().nullable(),
});
export type StoreSetting = z.infer<typeof storeSettingSchema>;

export const settingsMethods = defineMethods({
  'settings.get': {
    input: z.object({}).strict(),
    output: settingsSchema,
    allow: SIGNED_IN,
  },
  'settings.update': {
    input: z
      .object({
        auth: authPolicySchema.partial().strict().optional(),
        review: z.object({ autoApprove: reviewPolicySchema.shape.autoApprove.partial() }).strict().optional(),
        /** Replaces the whole local override of the rule parameters (validated against the shipped table). */
        rules: rulesConfigOverrideSchema.optional(),
        /** Replaces the list of public holidays (null: back to the shipped list). */
        holidays: holidaysSchema.nullable().optional(),
        branch: branchSchema.partial().strict().optional(),
      })
      .strict(),
    output: settingsSchema,
    allow: ADMINS,
    audit: 'handler',
  },
  /**
   * A backup of the data folder (database and document store, with a manifest of SHA-256s) into a new
   * folder on the machine that runs the back end: the one typed, else <data folder>/backups/<time>.
   */
  'settings.store': {
    input: z.object({}).strict(),
    output: storeSettingSchema,
    allow: ADMINS,
  },
  /**
   * Saves the branch database for this desk's next start (null: the embedded database). An address is
   * tried first (the server answers, lets the user in, holds no newer schema) and refused otherwise;
   * an empty password keeps the one saved for the same server and user.
   */
  'settings.setStore': {
    input: z
      .object({
        address: z.string().trim().min(1).max(1000).nullable(),
        password: z.string().max(200).optional(),
      })
      .strict(),
    output: storeSettingSchema.extend({
      /** What the server holds at the saved address: its ClaimDesk schema version and cases (null: none yet). */
      found: z.object({ schemaVersion: z.number().int().nullable(), cases: z.number().int().nonnegative().nullable() }).nullable(),
    }),
    allow: ADMINS,
    audit: 'handler',
  },
  'settings.backup': {
    input: z.object({ folder: z.string().trim().min(1).max(1000).optional() }).strict(),
    output: backupResultSchema,
    allow: ADMINS,
    audit: 'handler',
  },
});
