// Browser mode: calls go to the loopback host with the per-start token from the opened URL. A branch
// server (https) has no token: the session cookie set at sign-in is all a call carries.
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

/** POSTs to the host and returns its envelope; an unreachable host is an error like any other. */
async function post<T>(path: string, token: string | null, contentType: string, body: BodyInit): Promise<Result<T>> {
  try {
    const res = await fetch(path, { method: 'POST', headers: { 'content-type': contentType, ...(token ? { 'x-claimdesk-token': token } : {}) }, body });
    return (await res.json()) as Result<T>;
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: `ClaimDesk is not reachable: ${String(err)}` } };
  }
}

/** `token` null: a branch server, which needs none. */
export function httpClient(token: string | null): ApiClient {
  return {
    call: (method, input) => post<never>('/api/call', token, 'application/json', JSON.stringify({ method, input })),
    // The file's own bytes, streamed by the browser from disk: never read into a JSON string.
    upload: (kind, file) => post(`/api/upload?for=${kind}`, token, 'application/octet-stream', file as Blob),
    onEvent(listener) {
      const source = new EventSource(token ? `/api/events?token=${encodeURIComponent(token)}` : '/api/events');
      source.onmessage = (e: MessageEvent<string>) => listener(JSON.parse(e.data) as { name: string; payload: unknown });
      return () => source.close();
    },
  };
}
