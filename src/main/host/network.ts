// Branch-server mode (`claimdesk serve --listen HOST:PORT --tls-cert FILE --tls-key FILE`): where the host
// listens, the certificate it answers with, and the names desks may use to reach it. Checked before the
// back end starts, so a bad address or certificate ends `serve` with a clear message and exit code 2.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { AppError } from '../../shared/api/result';

export interface ListenAddress {
  /** An IP address or a host name, without brackets. */
  host: string;
  port: number;
}

const bad = (message: string): AppError => new AppError('invalid_input', message);

/** `HOST:PORT`, `[IPv6]:PORT` or `:PORT` (every address). */
export function parseListen(value: string): ListenAddress {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]*)):(\d{1,5})$/.exec(value.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) {
    throw bad(`--listen takes HOST:PORT (for example 0.0.0.0:8443, 10.20.1.5:8443 or [::]:8443), got "${value}"`);
  }
  const host = m[1] ?? (m[2] || '0.0.0.0');
  if (m[1] !== undefined && net.isIPv6(host) === false) throw bad(`--listen: "${host}" is not an IPv6 address`);
  return { host: host.toLowerCase(), port };
}

/** Whether listening on `host` keeps the host reachable from this machine only. A host name other than
 * `localhost` counts as reachable from the network: it may resolve to any address. */
export function isLoopbackAddress(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  return mapped ? (mapped[1] as string).startsWith('127.') : false;
}

export const isWildcard = (host: string): boolean => host === '0.0.0.0' || host === '::' || host === '';

/** A name as it appears in a Host header or a URL: an IPv6 address in brackets. */
export const urlHost = (name: string): string => (net.isIPv6(name) ? `[${name}]` : name);

export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The names (as in a Host header, without the port) under which the branch server answers. With
 * --public-name, those names (and this machine's loopback names, for the person at the server itself);
 * otherwise this machine's host name and the address it listens on, or when that is every address, its
 * interfaces' addresses; on a loopback address, the loopback names alone. Any other Host is refused
 * (DNS rebinding).
 */
export function servedNames(listenHost: string, publicNames: string[] = []): string[] {
  const names: string[] = [];
  if (publicNames.length) names.push(...publicNames);
  else if (isLoopbackAddress(listenHost)) {
    // Reachable from this machine only: its loopback names alone (below).
  } else {
    names.push(os.hostname());
    if (isWildcard(listenHost)) {
      // Not link-local IPv6 addresses: a browser cannot open them without a zone.
      for (const list of Object.values(os.networkInterfaces())) for (const i of list ?? []) if (!/^fe[89ab]/i.test(i.address)) names.push(i.address);
    } else names.push(listenHost);
  }
  names.push(...LOOPBACK_NAMES);
  return [...new Set(names.map((n) => urlHost(n.toLowerCase().replace(/\.$/, ''))))];
}

/** A public name as given: a DNS name or an IP address, nothing else (no port, scheme or path). */
export function checkPublicName(name: string): string {
  const n = name.trim().toLowerCase().replace(/\.$/, '');
  const dns = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
  if (!dns.test(n) && !net.isIP(n)) throw bad(`--public-name takes a host name or an IP address (no scheme or port), got "${name}"`);
  return n;
}

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
  /** The first certificate in the file (the server's own; any chain follows it). */
  x509: crypto.X509Certificate;
}

function readPem(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw bad(`Cannot read the TLS ${what} ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(err)}`);
  }
}

/** Reads the PEM certificate and key and checks that they belong together and that the certificate is
 * valid today. An encrypted key is refused: the server could not start unattended with it. */
export function loadTls(certFile: string, keyFile: string, now = new Date()): TlsFiles {
  const cert = readPem(certFile, 'certificate');
  const key = readPem(keyFile, 'key');
  let x509: crypto.X509Certificate;
  try {
    x509 = new crypto.X509Certificate(cert);
  } catch {
    throw bad(`${certFile} is not a PEM certificate (it should begin with "-----BEGIN CERTIFICATE-----")`);
  }
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(key);
  } catch (err) {
    const encrypted = /passphrase/i.test(String(err));
    throw bad(
      encrypted
        ? `${keyFile} is an encrypted key; give the key without a passphrase (protect the file with its permissions instead)`
        : `${keyFile} is not a PEM private key (it should begin with "-----BEGIN PRIVATE KEY-----")`,
    );
  }
  if (!x509.checkPrivateKey(privateKey)) throw bad(`The TLS key ${keyFile} does not belong to the certificate ${certFile}`);
  if (new Date(x509.validTo) < now) throw bad(`The TLS certificate ${certFile} expired on ${new Date(x509.validTo).toISOString().slice(0, 10)}; renew it`);
  if (new Date(x509.validFrom) > now)
    throw bad(`The TLS certificate ${certFile} is valid only from ${new Date(x509.validFrom).toISOString()}; check the clock`);
  return { cert, key, x509 };
}

/** Whether the certificate names `name` (a DNS name or an IP address), as a browser checks it. */
export function certificateCovers(x509: crypto.X509Certificate, name: string): boolean {
  const bare = name.replace(/^\[|\]$/g, '');
  return net.isIP(bare) ? x509.checkIP(bare) !== undefined : x509.checkHost(bare) !== undefined;
}
