import { maskWebhookUrl, preferenceChange } from '../../src/notifications/preference-audit';
import { DeliveryMode } from '../../src/notifications/notification.enums';

describe('webhook addresses in the audit trail', () => {
  test('credentials in query, path or userinfo are masked; host and plain path words stay', () => {
    expect(maskWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx')).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***');
    expect(maskWebhookUrl('https://oapi.dingtalk.com/robot/send?access_token=abc123def')).toBe('https://oapi.dingtalk.com/robot/send?access_token=***');
    expect(maskWebhookUrl('https://open.feishu.cn/open-apis/bot/v2/hook/0b8c5f2e-1c8e-4f6a-9d7e-5f3b2a1c0d9e')).toBe('https://open.feishu.cn/open-apis/bot/***/hook/***');
    expect(maskWebhookUrl('https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX')).toBe('https://hooks.slack.com/services/***/***/***');
    expect(maskWebhookUrl('http://u:p@127.0.0.1:8080/hook#frag')).toBe('http://***@127.0.0.1:8080/hook#***');
    expect(maskWebhookUrl(null)).toBeNull();
  });

  test('no change, no record; a change only in a masked part is still a change', () => {
    const p = { emailEnabled: false, emailAddress: null, webhookEnabled: true, webhookUrl: 'https://bot.example/send?key=one', mode: DeliveryMode.IMMEDIATE };
    expect(preferenceChange(p, { ...p })).toBeNull();
    expect(preferenceChange(p, { ...p, webhookUrl: 'https://bot.example/send?key=two' })?.after).toMatchObject({ webhookUrl: 'https://bot.example/send?key=***', webhookUrlChanged: true });
    expect(preferenceChange(p, { ...p, mode: DeliveryMode.DAILY_DIGEST })?.after).not.toHaveProperty('webhookUrlChanged');
  });
});
