import type { checksMethods } from '../../shared/api/methods-checks';
import { activeRequirementTable, loadRulesConfig, requirementVersions } from '../checks/config-store';
import { checkCase, getCaseChecks } from '../checks/case-checks';
import { caseFacts } from '../checks/gather';
import { getCase } from '../services/cases';
import { importParticipantsCsv } from '../participants/import-csv';
import { listImports } from '../participants/import-history';
import type { HandlerMap } from './types';

export const checksHandlers: HandlerMap<keyof typeof checksMethods> = {
  'participants.import': (input, ctx) =>
    importParticipantsCsv(ctx, Buffer.from(input.csvText, 'utf8'), { actor: ctx.operator().name, fileName: input.fileName }),
  'participants.importHistory': (input, ctx) => ({ imports: listImports(ctx.db, input.limit) }),
  'requirements.get': (input, ctx) => {
    const table = activeRequirementTable(ctx);
    const claimTypes = input.claimType ? { [input.claimType]: table.claimTypes[input.claimType] } : table.claimTypes;
    return { ...table, claimTypes, versions: requirementVersions(ctx) };
  },
  'checks.config': (_input, ctx) => loadRulesConfig(ctx),
  'checks.run': (input, ctx) => checkCase(ctx, input.caseId, input.facts),
  'checks.get': (input, ctx) => getCaseChecks(ctx, input.caseId),
  'checks.facts': (input, ctx) => {
    getCase(ctx, input.caseId);
    return { facts: caseFacts(ctx, input.caseId) };
  },
};
