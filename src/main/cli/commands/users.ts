// `claimdesk users …`: the local system operator's account tools, for scripts and for recovering an
// installation whose administrators are locked out. Passwords are generated (or given with
// --password) and printed once; nothing prompts.
import type { Command } from 'commander';
import { roleSchema } from '../../../shared/api/roles';
import { passwordSchema } from '../../../shared/api/methods-auth';
import { AppError } from '../../../shared/api/result';
import { randomPassword } from '../../auth/passwords';
import { createUser, listUsers, resetPassword, toUserRow, updateUser, userByName } from '../../auth/users';
import { badInput, emit, failWith, shown, type GlobalOptions } from '../output';
import { withContext } from '../with-context';

function password(given: string | undefined): string {
  if (given === undefined) return randomPassword();
  const p = passwordSchema.safeParse(given);
  if (!p.success) throw badInput(`--password: ${p.error.issues[0]?.message ?? 'not a valid password'}`);
  return p.data;
}

export function register(users: Command): void {
  users
    .command('list')
    .description('list accounts with their role and state')
    .action(async (_o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      try {
        await withContext(opts, (ctx) => {
          const all = listUsers(ctx);
          emit(
            opts,
            { users: all },
            () =>
              all
                .map(
                  (u) =>
                    `${u.username.padEnd(16)} ${u.role.padEnd(10)} ${u.disabled ? 'disabled' : u.lockedUntil ? `locked until ${u.lockedUntil}` : 'active'}  ${shown(u.displayName)}`,
                )
                .join('\n') || 'no accounts yet',
          );
        });
      } catch (err) {
        failWith(opts, err);
      }
    });
  users
    .command('add <username>')
    .description('create an account; prints its password (generated unless --password is given)')
    .requiredOption('--role <role>', 'officer, supervisor or admin')
    .option('--name <display name>', 'the name shown in the app (default: the user name)')
    .option('--password <password>', 'the password (at least 10 characters)')
    .action(async (username: string, o: { role: string; name?: string; password?: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      try {
        const role = roleSchema.safeParse(o.role);
        if (!role.success) throw badInput(`--role must be officer, supervisor or admin (got "${o.role}")`);
        const pw = password(o.password);
        await withContext(opts, async (ctx, caller) => {
          const row = toUserRow(await createUser(ctx, caller, { username, displayName: o.name ?? username, role: role.data, password: pw }));
          emit(opts, { user: row, password: pw }, () => `created ${row.username} (${row.role}); password: ${pw}`);
        });
      } catch (err) {
        failWith(opts, err);
      }
    });
  users
    .command('reset-password <username>')
    .description('set a temporary password (printed; changed at the next sign-in) and unlock the account')
    .option('--password <password>', 'the temporary password (default: generated)')
    .option('--enable', 'also enable a disabled account')
    .action(async (username: string, o: { password?: string; enable?: boolean }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      try {
        const pw = password(o.password);
        await withContext(opts, async (ctx, caller) => {
          const user = userByName(ctx, username);
          if (!user) throw new AppError('not_found', `No account named ${username}`, { username });
          if (o.enable && user.disabled) updateUser(ctx, caller, { userId: user.id, disabled: false });
          const row = toUserRow(await resetPassword(ctx, caller, user.id, pw));
          emit(opts, { user: row, password: pw }, () => `${row.username}: temporary password ${pw} (to be changed at the next sign-in)`);
        });
      } catch (err) {
        failWith(opts, err);
      }
    });
}
