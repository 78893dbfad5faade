import type { auditMethods } from '../../shared/api/methods-audit';
import { verifyAuditChain } from '../audit/chain';
import { listAudit } from '../audit/query';
import type { HandlerMap } from './types';

export const auditHandlers: HandlerMap<keyof typeof auditMethods> = {
  'audit.list': (input, ctx) => listAudit(ctx.db, input),
  'audit.verify': (_input, ctx) => verifyAuditChain(ctx.db),
};
