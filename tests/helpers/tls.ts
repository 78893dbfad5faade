// A self-signed certificate for a branch server in tests, made with the openssl command line as a
// branch's IT person would make one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface TestCertificate {
  certFile: string;
  keyFile: string;
  /** The certificate's PEM, for a client to trust. */
  cert: string;
}

/** Writes `<name>.pem` and `<name>-key.pem` into `dir`: valid for a day, naming `names` (DNS names and
 * IP addresses) in its subjectAltName. */
export function selfSignedCertificate(dir: string, names: string[], name = 'server'): TestCertificate {
  const certFile = path.join(dir, `${name}.pem`);
  const keyFile = path.join(dir, `${name}-key.pem`);
  const san = names.map((n) => (net.isIP(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-subj',
      `/CN=${names[0]}`,
      '-addext',
      `subjectAltName=${san}`,
      '-days',
      '1',
    ],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile, cert: fs.readFileSync(certFile, 'utf8') };
}

/** The `serve` arguments of a demo branch server on every interface, behind `cert`, under its public name. */
export function branchServerArgs(cert: TestCertificate, publicName: string): string[] {
  return ['--listen', '0.0.0.0:0', '--tls-cert', cert.certFile, '--tls-key', cert.keyFile, '--public-name', publicName, '--demo', '--no-demo-files'];
}
