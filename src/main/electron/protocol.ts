// The renderer is served through the allow-listed claimdesk://app/ scheme, never file:// or http.
import fs from 'node:fs';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { mimeOf } from '../host/mime';
import { resolveInside } from '../host/static';
import { APP_SCHEME } from './security';

export const PRIVILEGED_SCHEME = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
} as const;

/** Answer one claimdesk:// request: only host "app", only files inside the renderer folder. */
export function appProtocolResponse(rendererDir: string, requestUrl: string): Response {
  const url = new URL(requestUrl);
  if (url.host !== 'app') return new Response('Not found', { status: 404 });
  const file = resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return new Response('Not found', { status: 404 });
  return new Response(fs.readFileSync(file), {
    status: 200,
    headers: {
      'content-type': mimeOf(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  });
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(rendererDir, request.url));
}
