import type { ApiClient, ClaimDeskBridge } from '../../shared/api/contract';
import { electronClient } from './electron';
import { httpClient, takeToken } from './http';

declare global {
  interface Window {
    claimdesk?: ClaimDeskBridge;
  }
}

/** The renderer picks its transport once, at start; nothing else knows which one it got. */
export function pickTransport(): ApiClient | { error: 'no_token' } {
  if (window.claimdesk) return electronClient(window.claimdesk);
  const token = takeToken();
  return token ? httpClient(token) : { error: 'no_token' };
}
