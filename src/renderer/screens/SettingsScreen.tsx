import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthPolicy, Branch, Holiday, ReviewPolicy } from '../../shared/api/methods-settings';
import type { ApiError } from '../../shared/api/result';
import { CLAIM_TYPES } from '../../shared/domain/claims';
import { useApi, useQuery } from '../api-context';
import { hasRole, useAuth } from '../auth';
import { ErrorNote } from '../components/ErrorNote';
import { dmy, parseDmy } from '../format';
import { LanguageSelect } from '../components/LanguageSelect';
import { ParticipantImport } from '../components/ParticipantImport';
import { BackupPanel } from '../components/BackupPanel';
import { StorePanel } from '../components/StorePanel';
import { ChangePasswordForm } from './SignInScreen';

export function SettingsScreen(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const info = useQuery('app.info', {});
  const admin = hasRole(user, 'admin');
  const d = info.data;
  return (
    <section className="screen" data-screen="settings" data-state={info.state}>
      <h1>{t('settings.title')}</h1>
      <div className="panel form">
        <label>
          {t('settings.language')}
          <LanguageSelect />
        </label>
      </div>
      <section className="panel" data-testid="my-account">
        <h2>{t('settings.account')}</h2>
        <p>{t('settings.signedInAs', { name: user.displayName, username: user.username, role: t(`roles.${user.role}`) })}</p>
        <h3>{t('auth.changeTitle')}</h3>
        <ChangePasswordForm onDone={() => undefined} />
      </section>
      {admin && <PolicyPanel />}
      {admin && <BranchPanel />}
      {admin && <HolidaysPanel />}
      {admin && <ParticipantImport onImported={info.reload} />}
      {admin && <StorePanel />}
      {admin && <BackupPanel dataFolder={d?.dataFolder} />}
      <ErrorNote error={info.error} />
      {d && (
        <section className="panel">
          <h2>{t('settings.about')}</h2>
          <dl className="facts">
            {(
              [
                [t('settings.version'), d.version],
                [t('settings.transport'), t(`settings.transports.${d.transport}`)],
                [t('settings.dataFolder'), d.dataFolder],
                [t('settings.database'), d.databaseFile],
                [t('settings.schema'), String(d.schemaVersion)],
                [t('settings.ocrLanguages'), d.ocrLanguages.join(', ')],
                [t('settings.participantCount'), d.participantCount.toLocaleString(i18n.language)],
              ] as const
            ).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd className="mono">{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </section>
  );
}

const AUTH_FIELDS = ['maxFailures', 'lockMinutes', 'idleMinutes', 'sessionHours'] as const;

/** The administrator's policies: which claim types may be approved on submit, and the sign-in rules. */
function PolicyPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const settings = useQuery('settings.get', {});
  const [review, setReview] = useState<ReviewPolicy['autoApprove'] | null>(null);
  const [auth, setAuth] = useState<AuthPolicy | null>(null);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data && !review) {
      setReview(settings.data.review.autoApprove);
      setAuth(settings.data.auth);
    }
  }, [settings.data, review]);
  const save = async (): Promise<void> => {
    if (!review || !auth) return;
    setSaved(false);
    const res = await api.call('settings.update', { review: { autoApprove: review }, auth });
    if (!res.ok) return setError(res.error);
    setError(undefined);
    setSaved(true);
    settings.reload();
  };
  return (
    <section className="panel" data-testid="policies" data-state={settings.state}>
      <h2>{t('policy.title')}</h2>
      <ErrorNote error={settings.error} />
      {review && auth && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <fieldset className="plain wide">
            <legend>{t('policy.autoApprove')}</legend>
            <div className="row">
              {CLAIM_TYPES.map((c) => (
                <label key={c} className="check">
                  <input type="checkbox" checked={review[c]} onChange={(e) => setReview({ ...review, [c]: e.target.checked })} name={`autoApprove-${c}`} />
                  {c}
                </label>
              ))}
            </div>
            <p className="hint">{t('policy.autoApproveHint')}</p>
          </fieldset>
          {AUTH_FIELDS.map((k) => (
            <label key={k}>
              {t(`policy.${k}`)}
              <input type="number" min={1} value={auth[k]} onChange={(e) => setAuth({ ...auth, [k]: Number(e.target.value) })} name={k} required />
            </label>
          ))}
          <ErrorNote error={error} />
          <div className="actions">
            {saved && <span className="ok-note">{t('policy.saved')}</span>}
            <button type="submit" className="primary">
              {t('policy.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** Holidays as the administrator edits them: one per line, "dd-mm-yyyy name". */
export function holidaysText(days: readonly Holiday[]): string {
  return days.map((h) => `${dmy(h.date)} ${h.name}`).join('\n');
}

/** The lines back as holidays, or the number of the first line that is not "dd-mm-yyyy name". */
export function parseHolidays(text: string): { days: Holiday[] } | { badLine: number } {
  const days: Holiday[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (!line) continue;
    const m = /^(\S+)\s+(.+)$/.exec(line);
    const date = m ? parseDmy(m[1] as string) : null;
    if (!m || !date) return { badLine: i + 1 };
    days.push({ date, name: (m[2] as string).trim().slice(0, 100) });
  }
  return { days };
}

/** The public holidays that stop the statutory processing clock: shipped, and edited here when the year's decree differs. */
function HolidaysPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const settings = useQuery('settings.get', {});
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data && text === null) setText(holidaysText(settings.data.holidays));
  }, [settings.data, text]);
  const save = async (holidays: Holiday[] | null): Promise<void> => {
    setSaved(false);
    const res = await api.call('settings.update', { holidays });
    if (!res.ok) return setError(res.error);
    setError(undefined);
    setSaved(true);
    setText(holidaysText(res.value.holidays));
    settings.reload();
  };
  return (
    <section className="panel" data-testid="holidays" data-state={settings.state}>
      <h2>{t('holidays.title')}</h2>
      <p className="hint">{t('holidays.hint')}</p>
      {settings.data && <p className="muted">{settings.data.holidaysEdited ? t('holidays.edited') : t('holidays.shipped')}</p>}
      {text !== null && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = parseHolidays(text);
            if ('badLine' in parsed) return setError({ code: 'invalid_input', message: 'line', params: { reason: 'holiday_line', line: parsed.badLine } });
            void save(parsed.days);
          }}
        >
          <label className="wide">
            {t('holidays.list')}
            <textarea
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setError(undefined);
                setSaved(false);
              }}
              rows={10}
              name="holidays"
              className="mono"
            />
          </label>
          <ErrorNote error={error} />
          <div className="actions">
            {saved && <span className="ok-note">{t('holidays.saved')}</span>}
            {settings.data?.holidaysEdited && (
              <button type="button" onClick={() => void save(null)}>
                {t('holidays.reset')}
              </button>
            )}
            <button type="submit" className="primary">
              {t('holidays.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The branch as participant letters name it: where to bring documents, when it is open, whom to call. */
function BranchPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const settings = useQuery('settings.get', {});
  const [draft, setDraft] = useState<Branch | null>(null);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data && draft === null) setDraft(settings.data.branch);
  }, [settings.data, draft]);
  const field = (key: 'name' | 'address' | 'phone' | 'hours'): React.JSX.Element => (
    <label className={key === 'address' ? 'wide' : undefined}>
      {t(`branch.${key}`)}
      <input
        name={`branch-${key}`}
        value={draft?.[key] ?? ''}
        onChange={(e) => {
          setDraft((d) => (d ? { ...d, [key]: e.target.value } : d));
          setSaved(false);
        }}
      />
    </label>
  );
  return (
    <section className="panel" data-testid="branch" data-state={settings.state}>
      <h2>{t('branch.title')}</h2>
      <p className="hint">{t('branch.hint')}</p>
      {draft && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void api.call('settings.update', { branch: draft }).then((res) => {
              setError(res.ok ? undefined : res.error);
              setSaved(res.ok);
              settings.reload();
            });
          }}
        >
          {field('name')}
          {field('address')}
          {field('phone')}
          {field('hours')}
          <label>
            {t('branch.bringWithinDays')}
            <input
              type="number"
              min={1}
              max={90}
              name="branch-days"
              value={draft.bringWithinDays}
              onChange={(e) => setDraft((d) => (d ? { ...d, bringWithinDays: Number(e.target.value) } : d))}
            />
          </label>
          <ErrorNote error={error} />
          <div className="actions">
            {saved && <span className="ok-note">{t('branch.saved')}</span>}
            <button type="submit" className="primary">
              {t('branch.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
