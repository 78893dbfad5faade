import { useTranslation } from 'react-i18next';
import { useQuery } from '../api-context';

const FACTS = ['death', 'heirIsSpouse', 'trafficAccident', 'reimbursement', 'transportClaim', 'stmbClaim', 'heirActsForOthers'] as const;
type Fact = (typeof FACTS)[number];

/** Facts only the officer can state (the heir is the spouse, a traffic accident…): they decide which documents are required. */
export function FactsForm({
  caseId,
  onChange,
  locked = false,
}: {
  caseId: number;
  onChange: (facts: Record<string, boolean | number | null>) => Promise<void>;
  locked?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const stated = useQuery('checks.facts', { caseId });
  const facts = stated.data?.facts ?? {};
  const change = (update: Record<string, boolean | number | null>): void => void onChange(update).then(stated.reload);
  return (
    <details className="facts-form">
      <summary>{t('facts.title')}</summary>
      <fieldset className="form plain" disabled={locked}>
        {FACTS.map((f: Fact) => (
          <label key={f}>
            {t(`facts.${f}`)}
            <select
              value={facts[f] === undefined || facts[f] === null ? '' : String(facts[f])}
              onChange={(e) => change({ [f]: e.target.value === '' ? null : e.target.value === 'true' })}
            >
              <option value="">{t('facts.unknown')}</option>
              <option value="true">{t('facts.yes')}</option>
              <option value="false">{t('facts.no')}</option>
            </select>
          </label>
        ))}
        <label>
          {t('facts.benefitAmount')}
          <input
            type="number"
            min={0}
            step={1000}
            defaultValue={facts.benefitAmount ?? ''}
            onBlur={(e) => change({ benefitAmount: e.target.value === '' ? null : Number(e.target.value) })}
          />
        </label>
      </fieldset>
    </details>
  );
}
