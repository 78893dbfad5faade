import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api-context';
import { AuthGate } from './AuthGate';
import { initI18n } from './i18n/index';
import { pickTransport } from './transport/pick';
import './styles.css';

async function start(): Promise<void> {
  const i18n = await initI18n();
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const api = pickTransport();
  if ('error' in api) {
    root.render(
      <div className="shell" data-state="error">
        <p className="error-note" role="alert">
          {i18n.t('app.noToken')}
        </p>
      </div>,
    );
    return;
  }
  root.render(
    <StrictMode>
      <ApiContext.Provider value={api}>
        <AuthGate />
      </ApiContext.Provider>
    </StrictMode>,
  );
}

void start();
