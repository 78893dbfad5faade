// Browser mode: calls go to the loopback host with the per-start token from the opened URL.
import type { ApiClient } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

const TOKEN_KEY = 'claimdesk.token';

/** Take the token from ?token= (then hide it from the address bar), else from this tab's session. */
export function takeToken(win: Window = window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return win.sessionStorage.getItem(TOKEN_KEY);
}

export function httpClient(token: string): ApiClient {
  return {
    async call(method, input) {
      try {
        const res = await fetch('/api/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-claimdesk-token': token },
          body: JSON.stringify({ method, input }),
        });
        return (await res.json()) as Result<never>;
      } catch (err) {
        return { ok: false, error: { code: 'internal', message: `ClaimDesk is not reachable: ${String(err)}` } };
      }
    },
    onEvent(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (e: MessageEvent<string>) => listener(JSON.parse(e.data) as { name: string; payload: unknown });
      return () => source.close();
    },
  };
}
