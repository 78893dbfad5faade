// Signing in and out. The session itself never crosses the contract: browser mode keeps it in an
// HttpOnly cookie, the desktop app in the main process per window. The UI only learns who is signed in.
import { z } from 'zod';
import { defineMethods } from './define';
import { PEOPLE, sessionUserSchema, usernameSchema } from './roles';

/** Long enough to resist guessing; scrypt makes each guess expensive besides. */
export const PASSWORD_MIN = 10;
export const passwordSchema = z.string().min(PASSWORD_MIN, `A password has at least ${PASSWORD_MIN} characters`).max(256);
export const displayNameSchema = z.string().trim().min(1).max(80);

const ANYONE = ['anyone'] as const;

export const authMethods = defineMethods({
  /** What the first screen needs: whether an administrator must be set up, and who is signed in here. */
  'auth.status': {
    input: z.object({}).strict(),
    output: z.object({
      setupRequired: z.boolean(),
      user: sessionUserSchema.nullable(),
      /** Minutes without input after which the window signs out. */
      idleMinutes: z.number().int().positive(),
    }),
    allow: ANYONE,
  },
  /** First run only: the first account, an administrator; refused once any account exists. */
  'auth.setup': {
    input: z.object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema }).strict(),
    output: z.object({ user: sessionUserSchema }),
    allow: ANYONE,
    audit: 'handler',
  },
  'auth.signIn': {
    // Any text is accepted as a user name here: a wrong one is a failed sign-in, not malformed input.
    input: z.object({ username: z.string().trim().min(1).max(80), password: z.string().min(1).max(256) }).strict(),
    output: z.object({ user: sessionUserSchema }),
    allow: ANYONE,
    audit: 'handler',
  },
  'auth.signOut': {
    input: z.object({ reason: z.enum(['user', 'idle']).default('user') }).strict(),
    output: z.object({ signedOut: z.boolean() }),
    allow: ANYONE,
    audit: 'handler',
  },
  'auth.changePassword': {
    input: z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema }).strict(),
    output: z.object({ user: sessionUserSchema }),
    allow: PEOPLE,
    audit: 'handler',
  },
});
