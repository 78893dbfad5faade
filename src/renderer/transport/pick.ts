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
  if (token) return httpClient(token);
  // Browser mode is served over http on loopback, with a token; a branch server over https, without one.
  return window.location.protocol === 'https:' ? httpClient(null) : { error: 'no_token' };
}
