import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLAIM_TYPES, type ClaimType } from '../../shared/domain/claims';
import { useQuery } from '../api-context';
import { ErrorNote } from '../components/ErrorNote';
import { dmy } from '../format';

/** What to bring, per claim type: one answer for every desk, printable for the participant. */
export function RequirementsScreen(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [claimType, setClaimType] = useState<ClaimType>('JKM');
  const table = useQuery('requirements.get', { claimType });
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const entry = table.data?.claimTypes[claimType];
  return (
    <section className="screen" data-screen="requirements" data-state={table.state}>
      <div className="screen-head no-print">
        <h1>{t('requirements.title')}</h1>
        <div className="row">
          <select value={claimType} onChange={(e) => setClaimType(e.target.value as ClaimType)} aria-label={t('worklist.claimType')}>
            {CLAIM_TYPES.map((c) => (
              <option key={c} value={c}>
                {t(`claimTypes.${c}`)}
              </option>
            ))}
          </select>
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('requirements.print')}
          </button>
        </div>
      </div>
      <ErrorNote error={table.error} />
      {table.data && entry && (
        <article className="panel printable" data-testid="requirements">
          <h2>{t('requirements.heading', { claim: entry.label[lang] })}</h2>
          <p className="muted">{t('requirements.version', { version: table.data.version, from: dmy(table.data.effectiveFrom) })}</p>
          <ol className="requirements">
            {entry.items.map((item) => (
              <li key={item.id} data-item={item.id}>
                <strong>{item.label[lang]}</strong> <span className="badge">{t(`requirements.forms.${item.form}`)}</span>
                {item.condition !== 'always' && <span className="badge subtle">{t(`requirements.conditions.${item.condition}`)}</span>}
                {item.regulation && <div className="muted small-text">{item.regulation}</div>}
              </li>
            ))}
          </ol>
        </article>
      )}
    </section>
  );
}
