import type { checksMethods } from '../../shared/api/methods-checks';
import { actorName } from '../auth/caller';
import { activeRequirementTable, loadRulesConfig, requirementVersions } from '../checks/config-store';
import { checkCase, getCaseChecks } from '../checks/case-checks';
import { caseFacts } from '../checks/gather';
import { getCase } from '../services/cases';
import { assertEditable } from '../services/case-access';
import { stateFacts } from '../services/case-edits';
import { importParticipants } from '../services/participant-import';
import { listImports } from '../participants/import-history';
import { takeUpload } from '../uploads';
import type { HandlerMap } from './types';

export const checksHandlers: HandlerMap<keyof typeof checksMethods> = {
  'participants.import': async (input, ctx, call) => {
    const bytes = 'upload' in input ? await takeUpload(ctx, call.caller, input.upload, 'participants', input.fileName) : Buffer.from(input.csvText, 'utf8');
    return importParticipants(ctx, call.caller, bytes, input.fileName);
  },
  'participants.importHistory': (input, ctx) => ({ imports: listImports(ctx.db, input.limit) }),
  'requirements.get': (input, ctx) => {
    const table = activeRequirementTable(ctx);
    const claimTypes = input.claimType ? { [input.claimType]: table.claimTypes[input.claimType] } : table.claimTypes;
    return { ...table, claimTypes, versions: requirementVersions(ctx) };
  },
  'checks.config': (_input, ctx) => loadRulesConfig(ctx),
  'checks.run': (input, ctx, call) => {
    // Flags of a case awaiting a decision or decided are what the supervisor judged: they stay as they are.
    assertEditable(ctx, input.caseId);
    if (input.facts) stateFacts(ctx, call.caller, input.caseId, input.facts);
    return checkCase(ctx, input.caseId, undefined, actorName(call.caller));
  },
  'checks.get': (input, ctx) => getCaseChecks(ctx, input.caseId),
  'checks.facts': (input, ctx) => {
    getCase(ctx, input.caseId);
    return { facts: caseFacts(ctx, input.caseId) };
  },
};
