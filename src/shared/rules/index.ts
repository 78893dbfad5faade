export { evaluateCase, type Evaluation } from './engine';
export { rulesConfigSchema, rulesConfigOverrideSchema, mergeRulesConfig, type RulesConfig, type RulesConfigOverride } from './config';
export type { CaseInput, CaseDocumentInput, PoorPage, OtherClaim, AccountHolder, ReusedFile, StatedFacts } from './input';
export { decodeNik, nikDisagreements } from './nik';
