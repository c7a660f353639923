import { createHmac } from 'node:crypto';
import {
  DeliveryMode,
  DeliveryStatus,
  MyNotificationPreferencesDocument,
  NotificationDeliveriesDocument,
  RetryNotificationDeliveryDocument,
  SetMyNotificationPreferencesDocument,
} from '../__generated__/graphql';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';
import { startSmtpReceiver, startWebhookReceiver } from '../support/receivers';
import { createChannels } from '../../src/notifications/channels';
import { DeliveryService } from '../../src/notifications/delivery.service';
import { buildNotice } from '../../src/notifications/notice.rules';
import { recordNotices } from '../../src/notifications/notice-writer';
import { NotificationKind } from '../../src/notifications/notification.enums';

/**
 * The channels against local receivers: e-mail over SMTP (a local smtp-server), the signed webhook
 * (a local HTTP server), immediate and daily-digest delivery, retries with backoff, failures shown
 * to admins and retried by them.
 */
const SECRET = 'webhook-test-secret-'.padEnd(40, 'w');
let h: Harness;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
const uid: Record<string, string> = {};

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  hook = await startWebhookReceiver();
  h = await startHarness({
    env: { SMTP_URL: smtp.url, SMTP_FROM: 'notices@yunhu.test', WEBHOOK_SECRET: SECRET, CONSOLE_URL: 'https://yunhu.example.gov.cn/', NOTIFICATION_MAX_ATTEMPTS: '3', NOTIFICATION_RETRY_SECONDS: '60' },
  });
  for (const r of await h.sql<{ id: string; username: string }>(`select id, username from app_user`)) uid[r.username] = r.id;
});

afterAll(async () => {
  await h?.close();
  await smtp?.close();
  await hook?.close();
});

const channels = () => createChannels(h.config.notifications);
const sweep = () => new DeliveryService(h.orm.em.fork(), { config: h.config, clock: h.clock, logger: h.deps.logger, channels: channels() }).sweep();
const digests = () => new DeliveryService(h.orm.em.fork(), { config: h.config, clock: h.clock, logger: h.deps.logger, channels: channels() }).makeDigests();

async function notify(username: string, subjectId: string, kind = NotificationKind.FILING_OVERDUE) {
  const n = buildNotice({
    kind,
    recipientId: uid[username]!,
    subjectType: 'NormativeDocument',
    subjectId,
    subjectLabel: '云湖街规〔2026〕1号「白云湖街出租屋消防安全管理办法」',
    dueOn: '2026-03-04',
    link: `/filing/flags?document=${subjectId}`,
  });
  return recordNotices(h.orm.em.fork(), [n], h.clock.now(), '2026-03-05');
}

async function deliveries(username: string) {
  return h.sql<{ channel: string; status: string; attempts: number; last_error: string | null }>(
    `select channel, status, attempts, last_error from notification_delivery where recipient_id = ? order by created_at, channel`,
    [uid[username]],
  );
}

describe('notification channels', () => {
  it('each user picks channels and timing; bad choices are refused in Chinese', async () => {
    const token = await h.login('drafter');
    expect(expectOk(await h.gql(MyNotificationPreferencesDocument, {}, { token })).myNotificationPreferences).toEqual({
      emailEnabled: false,
      emailAddress: null,
      webhookEnabled: false,
      webhookUrl: null,
      mode: DeliveryMode.Immediate,
      emailAvailable: true,
      webhookAvailable: true,
    });
    const noAddress = expectError(
      await h.gql(SetMyNotificationPreferencesDocument, { input: { emailEnabled: true, webhookEnabled: false, mode: DeliveryMode.Immediate } }, { token }),
      'BAD_USER_INPUT',
    );
    expect(noAddress.message).toBe('选择电子邮件通知时须填写电子邮件地址');
    expectError(await h.gql(SetMyNotificationPreferencesDocument, { input: { emailEnabled: false, emailAddress: 'not an address', webhookEnabled: false, mode: DeliveryMode.Immediate } }, { token }), 'BAD_USER_INPUT');
    expectError(await h.gql(SetMyNotificationPreferencesDocument, { input: { emailEnabled: false, webhookEnabled: true, webhookUrl: 'ftp://x', mode: DeliveryMode.Immediate } }, { token }), 'BAD_USER_INPUT');
    const saved = expectOk(
      await h.gql(
        SetMyNotificationPreferencesDocument,
        { input: { emailEnabled: true, emailAddress: 'drafter@yunhu.test', webhookEnabled: true, webhookUrl: hook.url, mode: DeliveryMode.Immediate } },
        { token },
      ),
    ).setMyNotificationPreferences.preferences;
    expect(saved).toMatchObject({ emailEnabled: true, emailAddress: 'drafter@yunhu.test', webhookEnabled: true, webhookUrl: hook.url });
  });

  it('an immediate notice goes out once by e-mail and by signed webhook, with absolute links and the rule', async () => {
    const subject = '11111111-1111-4111-8111-111111111111';
    expect(await notify('drafter', subject)).toHaveLength(1);
    expect(await notify('drafter', subject)).toHaveLength(0); // once per day
    expect(await sweep()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(await sweep()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['drafter@yunhu.test']);
    expect(mail.from).toBe('notices@yunhu.test');
    const decoded = decodeMail(mail.raw);
    expect(decoded).toContain('应于 2026-03-04 前报送备案，已超期 (R-ND-6)');
    expect(decoded).toContain(`https://yunhu.example.gov.cn/filing/flags?document=${subject}`);

    expect(hook.hooks).toHaveLength(1);
    const got = hook.hooks[0]!;
    expect(got.headers['content-type']).toMatch(/^application\/json/);
    expect(got.headers['x-yunhu-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(got.body).digest('hex')}`);
    const body = JSON.parse(got.body) as { deliveryId: string; digestDay: string | null; notifications: { kind: string; rule: string; dueOn: string; url: string; subject: string }[] };
    expect(body.digestDay).toBeNull();
    expect(body.notifications).toEqual([
      expect.objectContaining({ kind: 'FILING_OVERDUE', rule: 'R-ND-6', dueOn: '2026-03-04', url: `https://yunhu.example.gov.cn/filing/flags?document=${subject}`, subject: '云湖街规〔2026〕1号「白云湖街出租屋消防安全管理办法」' }),
    ]);
    expect(got.headers['x-yunhu-delivery']).toBe(body.deliveryId);
    expect(await deliveries('drafter')).toEqual([
      { channel: 'EMAIL', status: 'SENT', attempts: 1, last_error: null },
      { channel: 'WEBHOOK', status: 'SENT', attempts: 1, last_error: null },
    ]);
  });

  it('a failed delivery is retried with a doubling delay, then marked failed; admins see it and retry it', async () => {
    const token = await h.login('drafter');
    expectOk(await h.gql(SetMyNotificationPreferencesDocument, { input: { emailEnabled: false, webhookEnabled: true, webhookUrl: hook.url, mode: DeliveryMode.Immediate } }, { token }));
    hook.failWith = 503;
    const before = hook.hooks.length;
    await notify('drafter', '22222222-2222-4222-8222-222222222222');
    expect(await sweep()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [failedOnce] = await h.sql<{ attempts: number; last_error: string; next_attempt_at: Date }>(
      `select attempts, last_error, next_attempt_at from notification_delivery where status = 'PENDING'`,
    );
    expect(failedOnce).toMatchObject({ attempts: 1, last_error: 'Webhook 接收方返回 HTTP 503' });
    expect(new Date(failedOnce!.next_attempt_at).getTime() - h.clock.now().getTime()).toBe(60_000);
    expect(await sweep()).toEqual({ sent: 0, retrying: 0, failed: 0 }); // not due yet
    h.clock.advanceMs(60_000);
    expect(await sweep()).toEqual({ sent: 0, retrying: 1, failed: 0 }); // second attempt; next after 120 s
    h.clock.advanceMs(119_000);
    expect(await sweep()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    h.clock.advanceMs(1_000);
    expect(await sweep()).toEqual({ sent: 0, retrying: 0, failed: 1 }); // third and last attempt
    expect(hook.hooks.length).toBe(before);

    const admin = await h.login('admin');
    const failed = expectOk(await h.gql(NotificationDeliveriesDocument, { filter: { status: DeliveryStatus.Failed }, first: 10 }, { token: admin })).notificationDeliveries;
    expect(failed.totalCount).toBe(1);
    expect(failed.nodes[0]).toMatchObject({
      channel: 'WEBHOOK',
      status: 'FAILED',
      attempts: 3,
      lastError: 'Webhook 接收方返回 HTTP 503',
      recipient: { username: 'drafter' },
      noticeCount: 1,
      notification: { kind: 'FILING_OVERDUE', subjectLabel: '云湖街规〔2026〕1号「白云湖街出租屋消防安全管理办法」' },
    });
    expect(failed.nodes[0]!.notification!.message).toContain('(R-ND-6)');
    expect(failed.nodes[0]!.availableActions).toEqual([{ action: 'RETRY_DELIVERY', mutation: 'retryNotificationDelivery', rule: 'R-NT-1' }]);
    expectError(await h.gql(NotificationDeliveriesDocument, { first: 10 }, { token }), 'FORBIDDEN');

    hook.failWith = null;
    const retried = expectOk(await h.gql(RetryNotificationDeliveryDocument, { id: failed.nodes[0]!.id }, { token: admin })).retryNotificationDelivery.delivery;
    expect(retried).toMatchObject({ status: 'PENDING', attempts: 0 });
    expectError(await h.gql(RetryNotificationDeliveryDocument, { id: failed.nodes[0]!.id }, { token: admin }), 'RULE_VIOLATION'); // only a failed one
    expectError(await h.gql(RetryNotificationDeliveryDocument, { id: failed.nodes[0]!.id }, { token }), 'FORBIDDEN');
    expect(await sweep()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(hook.hooks.length).toBe(before + 1);
  });

  it('a daily digest carries the notices since the previous digest, once a day per channel', async () => {
    const token = await h.login('drafter2');
    expectOk(await h.gql(SetMyNotificationPreferencesDocument, { input: { emailEnabled: true, emailAddress: 'drafter2@yunhu.test', webhookEnabled: true, webhookUrl: hook.url, mode: DeliveryMode.DailyDigest } }, { token }));
    const mailsBefore = smtp.mails.length;
    const hooksBefore = hook.hooks.length;
    await notify('drafter2', '33333333-3333-4333-8333-333333333333');
    h.clock.advanceMs(1_000);
    await notify('drafter2', '44444444-4444-4444-8444-444444444444', NotificationKind.CORRECTION_DUE);
    expect(await sweep()).toEqual({ sent: 0, retrying: 0, failed: 0 }); // nothing immediate
    expect(await digests()).toBe(2); // e-mail and webhook
    expect(await digests()).toBe(0); // once a day
    expect(await sweep()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(smtp.mails.length).toBe(mailsBefore + 1);
    const mail = decodeMail(smtp.mails[mailsBefore]!.raw);
    expect(mail).toContain('2026-03-05 的 2 条提醒');
    const body = JSON.parse(hook.hooks[hooksBefore]!.body) as { digestDay: string; notifications: { kind: string }[] };
    expect(body.digestDay).toBe('2026-03-05');
    expect(body.notifications.map((n) => n.kind)).toEqual(['FILING_OVERDUE', 'CORRECTION_DUE']);
    const admin = await h.login('admin');
    const sent = expectOk(await h.gql(NotificationDeliveriesDocument, { filter: { status: DeliveryStatus.Sent }, first: 2 }, { token: admin })).notificationDeliveries.nodes;
    expect(sent.map((d) => [d.digestDay, d.noticeCount, d.notification])).toEqual([
      ['2026-03-05', 2, null],
      ['2026-03-05', 2, null],
    ]);
    // the next day: no new notices, no digest
    h.clock.set(new Date('2026-03-06T02:00:00.000Z'));
    expect(await digests()).toBe(0);
  });
});

/** The text of a MIME message (quoted-printable or base64 parts decoded). */
function decodeMail(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const subject = /^Subject: (.*(?:\r?\n\s.*)*)/m.exec(head ?? '')?.[1] ?? '';
  const decodedSubject = subject.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, hx: string) => String.fromCharCode(parseInt(hx, 16))), 'latin1').toString('utf8'),
  ).replace(/\r?\n\s/g, '');
  let text = body;
  if (/Content-Transfer-Encoding: quoted-printable/i.test(raw)) {
    text = Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, hx: string) => String.fromCharCode(parseInt(hx, 16))), 'latin1').toString('utf8');
  } else if (/Content-Transfer-Encoding: base64/i.test(raw)) {
    text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return `${decodedSubject}\n${text}`;
}
