import { useTranslation } from 'react-i18next';
import type { PendingSaves } from '../use-pending-saves';

/** The case screen's word on values not saved: the branch database cannot be reached or is kept busy by
 * other desks (and they wait, marked at their fields), another desk saved over them, or they were saved
 * once it took them. A polite
 * live region that is always there, so each change is read out as it happens. */
export function SaveStatus({ saves }: { saves: PendingSaves }): React.JSX.Element {
  const { t } = useTranslation();
  const all = [...saves.pending.values()];
  const notSaved = all.filter((p) => p.state === 'waiting' || p.state === 'saving').length;
  const conflicts = all.filter((p) => p.state === 'conflict').length;
  const refused = all.filter((p) => p.state === 'refused').length;
  const kind = saves.offline && notSaved ? saves.offline : conflicts ? 'conflict' : refused ? 'refused' : saves.recovered && !all.length ? 'recovered' : 'none';
  return (
    <div role="status" data-testid="save-status" data-kind={kind} className="save-status-region">
      {(kind === 'unreachable' || kind === 'busy') && (
        <div className="notice unreachable">
          <p>
            <strong>
              <span aria-hidden="true">⚠ </span>
              {t(`saveStatus.${kind}`)}
            </strong>{' '}
            {t(kind === 'busy' ? 'saveStatus.waitingBusy' : 'saveStatus.waiting', { count: notSaved })}
          </p>
          <button type="button" onClick={saves.retryNow} data-testid="save-all-again">
            {t('saveStatus.retry')}
          </button>
        </div>
      )}
      {(kind === 'conflict' || kind === 'refused') && (
        <div className="notice unreachable">
          <p>
            <span aria-hidden="true">⚠ </span>
            {kind === 'conflict' ? t('saveStatus.conflict', { count: conflicts }) : t('saveStatus.refused', { count: refused })}
          </p>
        </div>
      )}
      {kind === 'recovered' && (
        <div className="notice recovered">
          <p>
            <span aria-hidden="true">✓ </span>
            {t(saves.recoveredFrom === 'busy' ? 'saveStatus.recoveredBusy' : 'saveStatus.recovered', { count: saves.recovered })}
          </p>
        </div>
      )}
    </div>
  );
}
