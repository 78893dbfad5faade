// Branch-server mode's pure rules (src/main/host/network.ts, auth.ts): reading --listen, what counts as
// loopback, the names a branch server answers under, and the Host and Origin checks against them.
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { namedHostAllowed, originAllowed } from '../../src/main/host/auth';
import { checkPublicName, isLoopbackAddress, parseListen, servedNames } from '../../src/main/host/network';

const req = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;

describe('--listen', () => {
  it('reads HOST:PORT, [IPv6]:PORT and :PORT (every address)', () => {
    expect(parseListen('0.0.0.0:8443')).toEqual({ host: '0.0.0.0', port: 8443 });
    expect(parseListen('10.20.1.5:443')).toEqual({ host: '10.20.1.5', port: 443 });
    expect(parseListen('Branch-Server:8443')).toEqual({ host: 'branch-server', port: 8443 });
    expect(parseListen('[::]:443')).toEqual({ host: '::', port: 443 });
    expect(parseListen('[::1]:0')).toEqual({ host: '::1', port: 0 });
    expect(parseListen(':8443')).toEqual({ host: '0.0.0.0', port: 8443 });
  });

  it('refuses anything else with the form it takes', () => {
    for (const bad of ['8443', '0.0.0.0', '0.0.0.0:70000', '::1:8443', '[nope]:1', 'https://x:1', 'a b:1', '0.0.0.0:-1'])
      expect(() => parseListen(bad), bad).toThrow(/--listen takes HOST:PORT|not an IPv6 address/);
  });

  it('counts only loopback addresses and localhost as loopback; any other name may reach the network', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', 'localhost', '::ffff:127.0.0.1']) expect(isLoopbackAddress(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.5', 'branch-server', '::ffff:10.0.0.5', '128.0.0.1']) expect(isLoopbackAddress(h), h).toBe(false);
  });
});

describe('the names a branch server answers under', () => {
  it('with --public-name: those, and the loopback names for the server machine itself', () => {
    expect(servedNames('0.0.0.0', ['branch.test', 'Cabang-Jambi'])).toEqual(['branch.test', 'cabang-jambi', 'localhost', '127.0.0.1', '[::1]']);
  });

  it('without: this machine’s name and the address it listens on, or every interface address (IPv6 bracketed, no link-local)', () => {
    expect(servedNames('10.20.1.5')).toEqual([os.hostname().toLowerCase(), '10.20.1.5', 'localhost', '127.0.0.1', '[::1]']);
    expect(servedNames('127.0.0.1')).toEqual(['localhost', '127.0.0.1', '[::1]']);
    const all = servedNames('0.0.0.0');
    expect(all[0]).toBe(os.hostname().toLowerCase());
    expect(all.filter((n) => n.startsWith('[fe80'))).toEqual([]);
    for (const n of all.filter((x) => x.includes(':'))) expect(n, n).toMatch(/^\[.*\]$/);
  });

  it('takes a public name as a DNS name or an IP address only', () => {
    expect(checkPublicName('Branch.Example.ID.')).toBe('branch.example.id');
    expect(checkPublicName('10.20.1.5')).toBe('10.20.1.5');
    for (const bad of ['https://branch', 'branch:8443', 'branch/x', '-branch', '', 'a..b']) expect(() => checkPublicName(bad), bad).toThrow(/--public-name/);
  });

  it('checks Host against the names with the port (a browser leaves out :443) and Origin against https://Host', () => {
    const names = servedNames('0.0.0.0', ['branch.test']);
    expect(namedHostAllowed(req({ host: 'branch.test:8443' }), names, 8443)).toBe(true);
    expect(namedHostAllowed(req({ host: 'BRANCH.TEST:8443' }), names, 8443)).toBe(true);
    expect(namedHostAllowed(req({ host: 'localhost:8443' }), names, 8443)).toBe(true);
    expect(namedHostAllowed(req({ host: 'branch.test' }), names, 8443)).toBe(false);
    expect(namedHostAllowed(req({ host: 'branch.test' }), names, 443)).toBe(true);
    expect(namedHostAllowed(req({ host: 'evil.example:8443' }), names, 8443)).toBe(false);
    expect(namedHostAllowed(req({ host: 'branch.test.evil.example:8443' }), names, 8443)).toBe(false);
    expect(namedHostAllowed(req({}), names, 8443)).toBe(false);
    expect(originAllowed(req({ host: 'branch.test:8443', origin: 'https://branch.test:8443' }), 'https')).toBe(true);
    expect(originAllowed(req({ host: 'branch.test:8443', origin: 'http://branch.test:8443' }), 'https')).toBe(false);
    expect(originAllowed(req({ host: 'branch.test', origin: 'https://branch.test' }), 'https')).toBe(true);
  });
});
