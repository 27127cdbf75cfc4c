import request from 'supertest';
import { parseConfig } from '../../infra/config';
import type { TTrustProxy } from '../../infra/trust-proxy';
import { echoApp } from '../helpers/echo-app';

// TRUST_PROXY decides whose X-Forwarded-For becomes req.ip (which the sign-in page's brake on wrong
// codes counts by): a proxy on this machine by default, a hop count, named addresses, or nobody.

describe('TRUST_PROXY', () => {
  const ipBehind = async (trustProxy: TTrustProxy | undefined, forwardedFor: string) =>
    (await request(echoApp({ trustProxy })).get('/whoami').set('X-Forwarded-For', forwardedFor).expect(200)).body
      .ip as string;

  it('believes X-Forwarded-For from the proxies it names, and nobody else', async () => {
    // The test client connects over loopback, like a proxy on the same machine.
    expect(await ipBehind(undefined, '203.0.113.7')).toBe('203.0.113.7');
    expect(await ipBehind(['loopback'], '198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
    expect(await ipBehind(false, '203.0.113.7')).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(await ipBehind(['10.0.0.0/8'], '203.0.113.7')).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(await ipBehind(['127.0.0.1/32', '::1', '::ffff:127.0.0.1'], '203.0.113.7')).toBe('203.0.113.7');
    // Two hops: this machine's proxy and one in front of it; the client is the address before them.
    expect(await ipBehind(2, '203.0.113.7, 198.51.100.1')).toBe('203.0.113.7');
  });

  it('is read from the environment: loopback by default, a hop count, CIDRs or none', () => {
    const trust = (value?: string) =>
      parseConfig({ DATA_DIR: '/nonexistent', ...(value === undefined ? {} : { TRUST_PROXY: value }) }).TRUST_PROXY;
    expect(trust()).toEqual(['loopback']);
    expect(trust('')).toEqual(['loopback']);
    expect(trust('none')).toBe(false);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 192.168.1.1, fd00::/8, loopback')).toEqual([
      '10.0.0.0/8',
      '192.168.1.1',
      'fd00::/8',
      'loopback',
    ]);
    for (const bad of ['everyone', '10.0.0.0/33', '300.1.1.1', '10.0.0.0/8,', '1e3', 'true']) {
      expect(() => trust(bad)).toThrow(
        /^Invalid configuration: TRUST_PROXY must be loopback, none, a hop count or comma-separated addresses\/CIDRs/,
      );
    }
  });
});
