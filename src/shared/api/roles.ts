// Who may call what. Every contract method declares its callers (`allow`); the dispatcher checks the
// caller taken from the transport's server-side session, never from the payload.
import { z } from 'zod';

export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * A caller the contract can name: the role of a signed-in account, `system` (the command line, run by
 * whoever already holds the data folder; audited as `system:<os user>`), or `anyone` (signing in, and
 * asking whether the first administrator must be set up).
 */
export const PRINCIPALS = ['anyone', ...ROLES, 'system'] as const;
export type Principal = (typeof PRINCIPALS)[number];

/** Any signed-in account, and the command line. */
export const SIGNED_IN = ['officer', 'supervisor', 'admin', 'system'] as const satisfies readonly Principal[];
/** Officers create and work cases; supervisors may work them too (four-eyes keeps them from deciding those). */
export const CASE_WORKERS = ['officer', 'supervisor', 'system'] as const satisfies readonly Principal[];
/** Only supervisors decide cases; the command line never does. */
export const DECIDERS = ['supervisor'] as const satisfies readonly Principal[];
/** Participant master data, settings, rule parameters and accounts. */
export const ADMINS = ['admin', 'system'] as const satisfies readonly Principal[];
/** Who reads the audit trail. */
export const AUDITORS = ['supervisor', 'admin', 'system'] as const satisfies readonly Principal[];
/** Signed-in people (not the command line): their own password. */
export const PEOPLE = ['officer', 'supervisor', 'admin'] as const satisfies readonly Principal[];

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;
export const usernameSchema = z.string().trim().toLowerCase().regex(USERNAME_PATTERN, 'A user name is 2-40 letters, digits, dots, dashes or underscores');

/** The signed-in account as the UI sees it. */
export const sessionUserSchema = z.object({
  id: z.number().int().positive(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** Set after an administrator reset the password: nothing but a password change is allowed until done. */
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;
