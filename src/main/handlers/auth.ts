import type { authMethods } from '../../shared/api/methods-auth';
import { AppError } from '../../shared/api/result';
import { verifyPassword } from '../auth/passwords';
import { endSession, resolveSession } from '../auth/sessions';
import { setupFirstAdmin, signIn } from '../auth/sign-in';
import { countUsers, setOwnPassword, toSessionUser, userById } from '../auth/users';
import { authPolicy } from '../services/settings';
import type { HandlerMap } from './types';

export const authHandlers: HandlerMap<keyof typeof authMethods> = {
  'auth.status': (_input, ctx, call) => {
    const found = call.caller.kind === 'user' ? { user: toSessionUser(userById(ctx, call.caller.userId)) } : { user: null };
    return { setupRequired: countUsers(ctx) === 0, ...found, idleMinutes: authPolicy(ctx).idleMinutes };
  },
  'auth.setup': async (input, ctx, call) => {
    const done = await setupFirstAdmin(ctx, ctx.options.transport, input);
    call.setSession(done.token);
    return { user: done.user };
  },
  'auth.signIn': async (input, ctx, call) => {
    // A sign-in replaces whatever session the transport held.
    if (call.sessionToken) endSession(ctx, call.sessionToken, 'replaced', true);
    const done = await signIn(ctx, ctx.options.transport, input.username, input.password);
    call.setSession(done.token);
    return { user: done.user };
  },
  'auth.signOut': (input, ctx, call) => {
    let signedOut = false;
    if (call.sessionToken) {
      const found = resolveSession(ctx, call.sessionToken);
      ctx.db.transaction(() => {
        signedOut = endSession(ctx, call.sessionToken!, input.reason === 'idle' ? 'idle' : 'sign_out', true);
        if (signedOut && found.ok) ctx.audit(found.caller, 'auth.signOut', { reason: input.reason });
      })();
    }
    call.setSession(null);
    return { signedOut };
  },
  'auth.changePassword': async (input, ctx, call) => {
    if (call.caller.kind !== 'user') throw new AppError('unauthorized', 'Sign in first.', { reason: 'no_session' });
    const me = userById(ctx, call.caller.userId);
    if (!(await verifyPassword(input.currentPassword, me.password_hash))) {
      throw new AppError('invalid_input', 'The current password is wrong', { reason: 'wrong_current_password' });
    }
    if (input.currentPassword === input.newPassword)
      throw new AppError('invalid_input', 'Choose a password different from the current one', { reason: 'same_password' });
    return { user: toSessionUser(await setOwnPassword(ctx, call.caller, me.id, input.newPassword)) };
  },
};
