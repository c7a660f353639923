import { createChannels, webhookFailure } from '../../src/notifications/channels';
import { freePort } from '../support/ports';
import type { NotificationsConfig } from '../../src/core/config';

/**
 * A webhook that cannot be delivered says why in Chinese (the admins' 后台任务与投递 screen shows the
 * last error), with the transport's own code kept for whoever reads the logs — never the bare
 * "fetch failed" of Node's fetch.
 */
const failure = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

describe('webhook failures in words', () => {
  it.each([
    ['ECONNREFUSED', /连接被拒绝.*hooks\.example\.test:8443.*ECONNREFUSED/],
    ['ENOTFOUND', /找不到主机 hooks\.example\.test.*ENOTFOUND/],
    ['EAI_AGAIN', /找不到主机 hooks\.example\.test.*EAI_AGAIN/],
    ['ECONNRESET', /连接被接收方中断.*ECONNRESET/],
    ['CERT_HAS_EXPIRED', /HTTPS 证书.*CERT_HAS_EXPIRED/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /HTTPS 证书.*SELF_SIGNED_CERT_IN_CHAIN/],
    ['EHOSTUNREACH', /无法连接 Webhook 接收方.*EHOSTUNREACH/],
  ])('%s', (code, expected) => {
    const message = webhookFailure(failure(code), 'https://hooks.example.test:8443/yunhu');
    expect(message).toMatch(expected);
    expect(message).not.toMatch(/fetch failed/);
  });

  it('a timeout and a redirect', () => {
    expect(webhookFailure(Object.assign(new Error('timed out'), { name: 'TimeoutError' }), 'https://h.test/x')).toMatch(/10 秒内未应答/);
    const redirect = Object.assign(new TypeError('fetch failed'), { cause: new Error('unexpected redirect') });
    expect(webhookFailure(redirect, 'https://h.test/x')).toMatch(/重定向/);
  });

  it('a refused connection, for real', async () => {
    const port = await freePort();
    const config = { webhookSecret: 'x'.repeat(40) } as NotificationsConfig;
    await expect(createChannels(config).webhook(`http://127.0.0.1:${port}/hook`, '{}', 'd1')).rejects.toThrow(/^连接被拒绝（127\.0\.0\.1:\d+）/);
  });
});
