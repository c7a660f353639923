import { ConfigError, loadConfig } from '../../src/core/config';
import { clientAddressKey, isLoopback } from '../../src/identity/login-throttle';

describe('login throttle: client addresses and configuration', () => {
  it('keys IPv4 by address and IPv6 by its /64; IPv4-mapped IPv6 is the IPv4 address', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('2001:db8:abcd:12:1::5')).toBe('2001:db8:abcd:12::/64');
    expect(clientAddressKey('2001:0db8:abcd:0012:ffff:ffff:ffff:ffff')).toBe('2001:db8:abcd:12::/64');
    expect(clientAddressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientAddressKey(undefined)).toBeNull();
    expect(clientAddressKey('not-an-address')).toBeNull();
  });

  it('knows loopback callers', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1']) expect(isLoopback(a)).toBe(true);
    for (const a of ['10.0.0.1', '::2', '2001:db8::1', undefined]) expect(isLoopback(a)).toBe(false);
  });

  it('has a per-address limit on by default and no trusted proxy', () => {
    const c = loadConfig({});
    expect(c.login).toEqual({
      maxFailures: 5,
      windowSeconds: 900,
      lockSeconds: 900,
      perAddress: { maxFailures: 20, windowSeconds: 900, lockSeconds: 900, exemptLoopback: false },
    });
    expect(c.trustProxy).toBe(false);
    expect(loadConfig({ LOGIN_MAX_FAILURES_PER_ADDRESS: '0' }).login.perAddress.maxFailures).toBe(0);
  });

  it('takes TRUST_PROXY as a hop count or a list of proxies, and refuses `true` and nonsense', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::/32' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '2001:db8::/32']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=true/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/10\.0\.0\.0\/33/);
    expect(() => loadConfig({ LOGIN_ADDRESS_EXEMPT_LOOPBACK: 'maybe' })).toThrow(/LOGIN_ADDRESS_EXEMPT_LOOPBACK/);
  });
});
