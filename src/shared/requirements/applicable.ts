// Decides which requirement items apply to one case from the facts known about it. A condition whose
// fact is unknown is reported as such: the item is neither demanded nor waived.
import type { ClaimType } from '../domain/claims';
import type { RequirementCondition, RequirementItem, RequirementTable } from './schema';

/** What the conditions depend on; null means nobody has said yet. */
export interface ConditionFacts {
  death: boolean | null;
  heirIsSpouse: boolean | null;
  trafficAccident: boolean | null;
  reimbursement: boolean | null;
  transportClaim: boolean | null;
  stmbClaim: boolean | null;
  heirActsForOthers: boolean | null;
  benefitAboveNpwpThreshold: boolean | null;
}

export const UNKNOWN_FACTS: ConditionFacts = {
  death: null,
  heirIsSpouse: null,
  trafficAccident: null,
  reimbursement: null,
  transportClaim: null,
  stmbClaim: null,
  heirActsForOthers: null,
  benefitAboveNpwpThreshold: null,
};

const FACT_OF: Record<Exclude<RequirementCondition, 'always'>, keyof ConditionFacts> = {
  death: 'death',
  heir_is_spouse: 'heirIsSpouse',
  traffic_accident: 'trafficAccident',
  reimbursement: 'reimbursement',
  transport_claim: 'transportClaim',
  stmb_claim: 'stmbClaim',
  heir_acts_for_others: 'heirActsForOthers',
  benefit_above_npwp_threshold: 'benefitAboveNpwpThreshold',
};

const HEIR_CONDITIONS = new Set<RequirementCondition>(['heir_is_spouse', 'heir_acts_for_others']);

export type Applicability = 'required' | 'not_required' | 'unknown';

export interface ApplicableItem {
  item: RequirementItem;
  applies: Applicability;
  /** The fact that decided (or that is missing). */
  fact: keyof ConditionFacts | null;
}

export function applicableItems(table: RequirementTable, claimType: ClaimType, facts: ConditionFacts): ApplicableItem[] {
  const entry = table.claimTypes[claimType];
  if (!entry) return [];
  return entry.items.map((item) => {
    if (item.condition === 'always') return { item, applies: 'required', fact: null };
    const fact = FACT_OF[item.condition];
    // Conditions about heirs only arise when someone died.
    if (HEIR_CONDITIONS.has(item.condition) && facts.death === false) return { item, applies: 'not_required', fact: 'death' };
    const v = facts[fact];
    return { item, applies: v === null ? 'unknown' : v ? 'required' : 'not_required', fact };
  });
}
