// Accounts, managed by administrators. Accounts are never deleted (the audit trail names them): they are
// disabled instead.
import { z } from 'zod';
import { defineMethods } from './define';
import { displayNameSchema, passwordSchema } from './methods-auth';
import { ADMINS, roleSchema, usernameSchema } from './roles';

export const userRowSchema = z.object({
  id: z.number().int().positive(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Set while the account is locked after repeated failed sign-ins. */
  lockedUntil: z.string().nullable(),
  failedAttempts: z.number().int().nonnegative(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type UserRow = z.infer<typeof userRowSchema>;

const userId = z.number().int().positive();

export const usersMethods = defineMethods({
  'users.list': {
    input: z.object({}).strict(),
    output: z.object({ users: z.array(userRowSchema) }),
    allow: ADMINS,
  },
  'users.create': {
    input: z.object({ username: usernameSchema, displayName: displayNameSchema, role: roleSchema, password: passwordSchema }).strict(),
    output: userRowSchema,
    allow: ADMINS,
    audit: 'handler',
  },
  /** Role, name, disabling and unlocking; each change is audited with its old and new value. */
  'users.update': {
    input: z
      .object({
        userId,
        displayName: displayNameSchema.optional(),
        role: roleSchema.optional(),
        disabled: z.boolean().optional(),
        unlock: z.literal(true).optional(),
      })
      .strict()
      .refine((u) => u.displayName !== undefined || u.role !== undefined || u.disabled !== undefined || u.unlock !== undefined, {
        message: 'Nothing to change',
      }),
    output: userRowSchema,
    allow: ADMINS,
    audit: 'handler',
  },
  /** A temporary password: the user must choose a new one at their next sign-in; their sessions end. */
  'users.resetPassword': {
    input: z.object({ userId, password: passwordSchema }).strict(),
    output: userRowSchema,
    allow: ADMINS,
    audit: 'handler',
  },
});
