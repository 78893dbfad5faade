import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../shared/api/roles';
import { useQuery } from './api-context';
import { useAuth } from './auth';
import { ErrorNote } from './components/ErrorNote';
import { LanguageSelect } from './components/LanguageSelect';
import { ShortcutsHelp } from './components/ShortcutsHelp';
import { mayLeave } from './leave-guard';
import { hrefOf, navigate, SCREENS, useRoute, type Route } from './router';
import { AuditScreen } from './screens/AuditScreen';
import { CaseScreen } from './screens/CaseScreen';
import { DashboardScreen } from './screens/DashboardScreen';
import { ParticipantsScreen } from './screens/ParticipantsScreen';
import { RequirementsScreen } from './screens/RequirementsScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SupervisorScreen } from './screens/SupervisorScreen';
import { UsersScreen } from './screens/UsersScreen';
import { WorklistScreen } from './screens/WorklistScreen';

type Screen = (typeof SCREENS)[number];

/** Which screens each role sees in its navigation (the back end refuses the calls anyway). */
const SCREENS_OF: Record<Role, readonly Screen[]> = {
  officer: ['worklist', 'case', 'participants', 'requirements', 'settings'],
  supervisor: ['worklist', 'case', 'participants', 'supervisor', 'requirements', 'settings', 'audit', 'dashboard'],
  admin: ['worklist', 'case', 'participants', 'requirements', 'settings', 'audit', 'users', 'dashboard'],
};

const routeFor = (screen: Screen): Route => (screen === 'case' ? { screen: 'case', caseId: null } : ({ screen } as Route));

export function App(): React.JSX.Element {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const route = useRoute();
  const info = useQuery('app.info', {});
  const screens = SCREENS_OF[user.role];

  // Alt+1…9 jump between screens from anywhere, so officers can keep their hands on the keyboard.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const screen = SCREENS[Number(e.key) - 1];
      if (screen && screens.includes(screen)) {
        e.preventDefault();
        navigate(routeFor(screen));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [screens]);

  return (
    <div className="shell" data-state={info.state} data-role={user.role}>
      <ShortcutsHelp />
      <header className="topbar no-print">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <nav className="nav" aria-label={t('app.name')}>
          {screens.map((screen) => (
            <a
              key={screen}
              href={hrefOf(routeFor(screen))}
              className={route.screen === screen ? 'nav-item active' : 'nav-item'}
              aria-current={route.screen === screen ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${SCREENS.indexOf(screen) + 1}`}
              data-nav={screen}
            >
              {t(`nav.${screen}`)}
            </a>
          ))}
        </nav>
        <div className="topbar-right">
          <span className="operator" data-testid="signed-in-user" title={user.username}>
            <span>{user.displayName}</span>
            <span className="operator-role">{t(`roles.${user.role}`)}</span>
          </span>
          <LanguageSelect data-testid="language-switch" aria-label={t('app.language')} />
          <button type="button" onClick={() => mayLeave() && void signOut()} data-testid="sign-out">
            {t('auth.signOut')}
          </button>
        </div>
      </header>
      <main className="content">
        <ErrorNote error={info.error} />
        {route.screen === 'worklist' && <WorklistScreen />}
        {/* Keyed by the case: another case starts with nothing of the last one's (evidence, values not saved). */}
        {route.screen === 'case' && <CaseScreen key={route.caseId ?? 0} caseId={route.caseId} />}
        {route.screen === 'participants' && <ParticipantsScreen initialQuery={route.query} />}
        {route.screen === 'supervisor' && <SupervisorScreen />}
        {route.screen === 'requirements' && <RequirementsScreen />}
        {route.screen === 'settings' && <SettingsScreen />}
        {route.screen === 'audit' && <AuditScreen />}
        {route.screen === 'users' && <UsersScreen />}
        {route.screen === 'dashboard' && <DashboardScreen />}
      </main>
    </div>
  );
}
