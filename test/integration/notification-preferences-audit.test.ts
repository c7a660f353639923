import { AuditSubjectType, AuditTrailDocument, DeliveryMode, SetMyNotificationPreferencesDocument, VerifyAuditChainDocument } from '../__generated__/graphql';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';

/**
 * A change of one's notification settings (channels, timing, e-mail address, webhook) is an audited
 * mutation like any other: an event in the keyed chain on the user, with who changed what, before
 * and after. A webhook address's credentials (the bot key in its query, a user:password) never
 * appear in clear.
 */
const SECRET = 'webhook-test-secret-'.padEnd(40, 'w');
const BOT_KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
let h: Harness;
let drafterId: string;

beforeAll(async () => {
  h = await startHarness({ env: { SMTP_URL: 'smtp://127.0.0.1:2525', WEBHOOK_SECRET: SECRET } });
  drafterId = (await h.sql<{ id: string }>(`select id from app_user where username = 'drafter'`))[0]!.id;
});

afterAll(async () => {
  await h?.close();
});

async function trail() {
  const admin = await h.login('admin');
  const conn = expectOk(await h.gql(AuditTrailDocument, { subjectType: AuditSubjectType.User, subjectId: drafterId, first: 100 }, { token: admin })).auditTrail;
  return conn.edges.map((e) => e.node).filter((n) => n.action === 'notification.preferences.set');
}

describe('notification preferences are audited', () => {
  it('each change is an event on the user with before and after; the chain verifies; no webhook secret in clear', async () => {
    const token = await h.login('drafter');
    expect(await trail()).toEqual([]);

    expectOk(
      await h.gql(
        SetMyNotificationPreferencesDocument,
        { input: { emailEnabled: true, emailAddress: 'drafter@yunhu.test', webhookEnabled: false, mode: DeliveryMode.Immediate } },
        { token },
      ),
    );
    const hookUrl = `https://bot:pa55word@qyapi.example.cn/cgi-bin/webhook/send?key=${BOT_KEY}&debug=1`;
    expectOk(
      await h.gql(
        SetMyNotificationPreferencesDocument,
        { input: { emailEnabled: true, emailAddress: 'drafter@yunhu.test', webhookEnabled: true, webhookUrl: hookUrl, mode: DeliveryMode.DailyDigest } },
        { token },
      ),
    );
    // a refused change writes nothing
    expectError(await h.gql(SetMyNotificationPreferencesDocument, { input: { emailEnabled: true, webhookEnabled: false, mode: DeliveryMode.Immediate } }, { token }), 'BAD_USER_INPUT');

    const events = await trail();
    expect(events).toHaveLength(2);
    const [first, second] = events;
    expect(first).toMatchObject({ actorUsername: 'drafter', actorId: drafterId, subjectType: AuditSubjectType.User, subjectId: drafterId });
    expect(first!.before).toEqual({ emailEnabled: false, emailAddress: null, webhookEnabled: false, webhookUrl: null, mode: 'IMMEDIATE' });
    expect(first!.after).toEqual({ emailEnabled: true, emailAddress: 'drafter@yunhu.test', webhookEnabled: false, webhookUrl: null, mode: 'IMMEDIATE' });
    expect(second!.before).toEqual(first!.after);
    expect(second!.after).toMatchObject({ webhookEnabled: true, mode: 'DAILY_DIGEST', webhookUrl: 'https://***@qyapi.example.cn/cgi-bin/webhook/send?key=***&debug=***' });
    const stored = JSON.stringify(await h.sql(`select before, after from audit_event where subject_id = ?`, [drafterId]));
    expect(stored).not.toContain(BOT_KEY);
    expect(stored).not.toContain('pa55word');
    expect(stored).not.toContain(SECRET);

    // changing only the key is still a recorded change
    expectOk(
      await h.gql(
        SetMyNotificationPreferencesDocument,
        { input: { emailEnabled: true, emailAddress: 'drafter@yunhu.test', webhookEnabled: true, webhookUrl: hookUrl.replace(BOT_KEY, 'another-key'), mode: DeliveryMode.DailyDigest } },
        { token },
      ),
    );
    const third = (await trail())[2]!;
    expect(third.after).toMatchObject({ webhookUrlChanged: true });
    expect(JSON.stringify(third)).not.toContain('another-key');

    const admin = await h.login('admin');
    const report = expectOk(await h.gql(VerifyAuditChainDocument, {}, { token: admin })).verifyAuditChain;
    expect(report).toMatchObject({ ok: true, firstBrokenEventId: null });
  });
});
