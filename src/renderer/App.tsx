import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from './api-context';
import { ErrorNote } from './components/ErrorNote';
import { LanguageSelect } from './components/LanguageSelect';
import { hrefOf, navigate, SCREENS, useRoute, type Route } from './router';
import { CaseScreen } from './screens/CaseScreen';
import { ParticipantsScreen } from './screens/ParticipantsScreen';
import { RequirementsScreen } from './screens/RequirementsScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SupervisorScreen } from './screens/SupervisorScreen';
import { WorklistScreen } from './screens/WorklistScreen';

const routeFor = (screen: (typeof SCREENS)[number]): Route =>
  screen === 'case' ? { screen: 'case', caseId: null } : ({ screen } as Route);

export function App(): React.JSX.Element {
  const { t } = useTranslation();
  const route = useRoute();
  const info = useQuery('app.info', {}, 'info');

  // Alt+1…6 jump between screens from anywhere, so officers can keep their hands on the keyboard.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const screen = SCREENS[Number(e.key) - 1];
      if (screen) {
        e.preventDefault();
        navigate(routeFor(screen));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="shell" data-state={info.state}>
      <header className="topbar no-print">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <nav className="nav" aria-label={t('app.name')}>
          {SCREENS.map((screen, i) => (
            <a
              key={screen}
              href={hrefOf(routeFor(screen))}
              className={route.screen === screen ? 'nav-item active' : 'nav-item'}
              aria-current={route.screen === screen ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${i + 1}`}
              data-nav={screen}
            >
              {t(`nav.${screen}`)}
            </a>
          ))}
        </nav>
        <div className="topbar-right">
          {info.data && (
            <span className="operator" title={t('app.operator')}>
              {info.data.operator.name} · {t(`roles.${info.data.operator.role}`)}
            </span>
          )}
          <LanguageSelect data-testid="language-switch" aria-label={t('app.language')} />
        </div>
      </header>
      <main className="content">
        <ErrorNote error={info.error} />
        {route.screen === 'worklist' && <WorklistScreen />}
        {route.screen === 'case' && <CaseScreen caseId={route.caseId} />}
        {route.screen === 'participants' && <ParticipantsScreen initialQuery={route.query} />}
        {route.screen === 'supervisor' && <SupervisorScreen role={info.data?.operator.role} />}
        {route.screen === 'requirements' && <RequirementsScreen />}
        {route.screen === 'settings' && <SettingsScreen onSaved={info.reload} />}
      </main>
    </div>
  );
}
