import type { usersMethods } from '../../shared/api/methods-users';
import { createUser, listUsers, resetPassword, toUserRow, updateUser } from '../auth/users';
import type { HandlerMap } from './types';

export const usersHandlers: HandlerMap<keyof typeof usersMethods> = {
  'users.list': (_input, ctx) => ({ users: listUsers(ctx) }),
  'users.create': async (input, ctx, call) => toUserRow(await createUser(ctx, call.caller, input)),
  'users.update': (input, ctx, call) => toUserRow(updateUser(ctx, call.caller, input)),
  'users.resetPassword': async (input, ctx, call) => toUserRow(await resetPassword(ctx, call.caller, input.userId, input.password)),
};
