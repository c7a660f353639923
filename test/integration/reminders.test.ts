import {
  AcceptReviewDocument,
  FilingOutcomeKind,
  FindingAspect,
  FindingResponse,
  IssueOpinionDocument,
  MarkAllNotificationsReadDocument,
  MarkNotificationsReadDocument,
  NotificationKind,
  NotificationsDocument,
  OpinionConclusion,
  RecordFilingDocument,
  RecordFilingOutcomeDocument,
  RespondToFindingDocument,
  ReturnReviewDocument,
  SaveOpinionDraftDocument,
  UnreadNotificationCountDocument,
} from '../__generated__/graphql';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';
import { aspectsFor } from '../support/packages';
import { buildWorld, type World } from '../support/world';
import { ReminderScanService } from '../../src/notifications/reminder-scan.service';

/**
 * Reminders (R-NT-1) on a fixed clock: each kind appears on the day its deadline comes within
 * reach, names subject, rule, date and console page, reaches the people it concerns, and is made
 * once per recipient, subject, kind and day however often the scan runs.
 */
let h: Harness;
let w: World;

interface Row {
  username: string;
  kind: string;
  subject_id: string;
  subject_label: string;
  rule: string;
  due_on: string | null;
  day: string;
  message: string;
  link: string;
}

async function scanOn(date: string) {
  h.clock.set(new Date(`${date}T02:00:00.000Z`)); // 10:00 in Shanghai
  return new ReminderScanService(h.orm.em.fork(), h.deps).scan();
}

async function notices(kind: NotificationKind, subjectId: string, day?: string): Promise<Row[]> {
  return h.sql<Row & Record<string, unknown>>(
    `select u.username, n.kind, n.subject_id, n.subject_label, n.rule, to_char(n.due_on, 'YYYY-MM-DD') as due_on, to_char(n.day, 'YYYY-MM-DD') as day, n.message, n.link
       from notification n join app_user u on u.id = n.recipient_id
      where n.kind = ? and n.subject_id = ? ${day ? `and n.day = '${day}'` : ''} order by n.day, u.username`,
    [kind, subjectId],
  );
}

/** A fresh token at the clock's current time (tokens expire after 8 hours of the fixed clock). */
const tok = (u: string) => h.login(u);

const who = (rows: Row[]) => rows.map((r) => `${r.day} ${r.username}`);

beforeAll(async () => {
  h = await startHarness({ env: { GRAPHQL_MAX_COST: '200000' } });
  w = await buildWorld(h);
}, 240_000);

afterAll(async () => {
  await h?.close();
});

describe('reminders on a fixed clock (R-NT-1)', () => {
  it('an issued opinion notifies the requester at once, in the same transaction (R-LR-5; R-EN-4 for enforcement)', async () => {
    const [n] = await notices(NotificationKind.OpinionIssued, w.jjfz.reviewId);
    expect(n).toMatchObject({ username: 'drafter', rule: 'R-LR-5', due_on: '2026-03-05', day: '2026-03-05', link: `/drafter/proposals/${w.jjfz.proposalId}` });
    expect(n!.subject_label).toContain(w.jjfz.proposalCode === undefined ? '' : 'SC-2026-');
    expect(n!.message).toMatch(/已于 2026-03-05 出具审查意见（合法）.*\(R-LR-5\)$/);
    const [e] = await notices(NotificationKind.OpinionIssued, w.cgzf.enforcementReviewId);
    expect(e).toMatchObject({ username: 'drafter2', rule: 'R-EN-4' });

    // the inbox over GraphQL: newest first, unread count, mark one read, mark all read
    const token = w.tokens.drafter!;
    const inbox = expectOk(await h.gql(NotificationsDocument, { first: 10 }, { token }));
    expect(inbox.notifications.nodes.map((x) => x.kind)).toContain(NotificationKind.OpinionIssued);
    expect(inbox.unreadNotificationCount).toBe(inbox.notifications.totalCount);
    const first = inbox.notifications.nodes[0]!;
    const marked = expectOk(await h.gql(MarkNotificationsReadDocument, { input: { ids: [first.id] } }, { token })).markNotificationsRead;
    expect(marked.notifications[0]).toMatchObject({ id: first.id, read: true });
    expect(marked.unreadCount).toBe(inbox.unreadNotificationCount - 1);
    // someone else's notice cannot be marked by me
    const other = expectOk(await h.gql(NotificationsDocument, { first: 1 }, { token: w.tokens.drafter2! })).notifications.nodes[0]!;
    expect(expectOk(await h.gql(MarkNotificationsReadDocument, { input: { ids: [other.id] } }, { token })).markNotificationsRead.notifications).toEqual([]);
    expect(expectOk(await h.gql(UnreadNotificationCountDocument, {}, { token: w.tokens.drafter2! })).unreadNotificationCount).toBeGreaterThan(0);
    expectError(await h.gql(MarkNotificationsReadDocument, { input: { ids: ['not-a-uuid'] } }, { token }), 'BAD_USER_INPUT');
    const all = expectOk(await h.gql(MarkAllNotificationsReadDocument, {}, { token })).markAllNotificationsRead;
    expect(all).toEqual({ markedCount: inbox.unreadNotificationCount - 1, unreadCount: 0 });
    expect(expectOk(await h.gql(NotificationsDocument, { first: 10, filter: { unreadOnly: true } }, { token })).notifications.totalCount).toBe(0);
    expectError(await h.gql(UnreadNotificationCountDocument, {}, { token: null }), 'UNAUTHENTICATED');
  });

  it('a returned review reminds its requester daily until it is resubmitted (R-LR-2)', async () => {
    h.clock.set(new Date('2026-03-05T03:00:00.000Z'));
    expectOk(await h.gql(ReturnReviewDocument, { input: { reviewId: w.jjfz.draftDocumentReviewId, version: 1, missing: '缺少起草说明' } }, { token: await tok('advisor') }));
    await scanOn('2026-03-06');
    const [n] = await notices(NotificationKind.ReviewReturned, w.jjfz.draftDocumentReviewId);
    expect(n).toMatchObject({ username: 'drafter', rule: 'R-LR-2', day: '2026-03-06' });
    expect(n!.message).toContain('需补充：缺少起草说明');
  });

  it('a consultation closing within the configured days reminds the drafter, not before (R-DEC-4)', async () => {
    await h.sql(`insert into public_consultation (id, proposal_id, starts_on, ends_on, channel, version) values (gen_random_uuid(), ?, '2026-02-10', '2026-03-12', '白云湖街政务网站', 1)`, [
      w.cgzf.proposalId,
    ]);
    await scanOn('2026-03-08'); // 4 days before: nothing
    expect(await notices(NotificationKind.ConsultationClosing, w.cgzf.proposalId)).toEqual([]);
    await scanOn('2026-03-09'); // 3 days before
    const rows = await notices(NotificationKind.ConsultationClosing, w.cgzf.proposalId);
    expect(who(rows)).toEqual(['2026-03-09 drafter2']);
    expect(rows[0]).toMatchObject({ rule: 'R-DEC-4', due_on: '2026-03-12', link: `/drafter/proposals/${w.cgzf.proposalId}` });
    expect(rows[0]!.message).toContain('将于 2026-03-12 截止（还剩 3 天）');
  });

  it('a review due within N working days reminds advisor and requester; once a day however often the scan runs; then overdue (R-LR-3)', async () => {
    h.clock.set(new Date('2026-03-05T03:00:00.000Z'));
    const accepted = expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: w.jjfz.contractReviewId, version: 1 } }, { token: await tok('advisor') })).acceptReview.review;
    expect(accepted.deadline.dueOn).toBe('2026-03-19');
    await scanOn('2026-03-13'); // 4 working days left
    expect(await notices(NotificationKind.ReviewDueSoon, w.jjfz.contractReviewId)).toEqual([]);
    const first = await scanOn('2026-03-16'); // 3 working days left
    const again = await scanOn('2026-03-16');
    expect(again.created).toBe(0);
    expect(again.found).toBe(first.found);
    const rows = await notices(NotificationKind.ReviewDueSoon, w.jjfz.contractReviewId);
    expect(who(rows)).toEqual(['2026-03-16 advisor', '2026-03-16 drafter']);
    const advisor = rows.find((r) => r.username === 'advisor')!;
    expect(advisor).toMatchObject({ rule: 'R-LR-3', due_on: '2026-03-19', link: `/advisor/reviews/${w.jjfz.contractReviewId}` });
    expect(advisor.message).toContain('将于 2026-03-19 到期（还剩 3 个工作日）');
    expect(rows.find((r) => r.username === 'drafter')!.link).toBe(`/drafter/contracts/${w.jjfz.contractId}`);
    await scanOn('2026-03-17');
    expect(who(await notices(NotificationKind.ReviewDueSoon, w.jjfz.contractReviewId))).toHaveLength(4);
    await scanOn('2026-03-20');
    const overdue = await notices(NotificationKind.ReviewOverdue, w.jjfz.contractReviewId);
    expect(who(overdue)).toEqual(['2026-03-20 advisor', '2026-03-20 drafter']);
    expect(overdue[0]!.message).toContain('已于 2026-03-19 到期，已超期');
    // the unique index holds even against a writer that skips the service
    await expect(
      h.sql(`insert into notification (id, recipient_id, kind, subject_type, subject_id, subject_label, rule, day, message, link, created_at)
             select gen_random_uuid(), recipient_id, kind, subject_type, subject_id, subject_label, rule, day, message, link, now() from notification where kind = 'REVIEW_OVERDUE' limit 1`),
    ).rejects.toThrow(/notification_once_per_day/);
  });

  it('must-fix findings awaiting an answer remind the requester at issue and daily until answered (R-DEC-9)', async () => {
    h.clock.set(new Date('2026-03-20T03:00:00.000Z'));
    const findings = [{ aspect: FindingAspect.Content, mustFix: true, text: '违约责任条款须修改', lawName: '《民法典》', article: '第五百七十七条' }];
    const o = expectOk(
      await h.gql(
        SaveOpinionDraftDocument,
        {
          input: {
            reviewId: w.jjfz.contractReviewId,
            conclusion: OpinionConclusion.LawfulWithAmendments,
            text: '经审查，修改后合法。',
            findings,
            aspects: aspectsFor(OpinionConclusion.LawfulWithAmendments, findings),
          },
        },
        { token: await tok('advisor') },
      ),
    ).saveOpinionDraft.opinion;
    const issued = expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: o.id, version: o.version } }, { token: await tok('advisor') })).issueOpinion.opinion;
    expect(who(await notices(NotificationKind.OpinionIssued, w.jjfz.contractReviewId))).toEqual(['2026-03-20 drafter']);
    const atIssue = await notices(NotificationKind.FindingAwaitingAnswer, w.jjfz.contractReviewId);
    expect(atIssue).toEqual([expect.objectContaining({ username: 'drafter', day: '2026-03-20', rule: 'R-DEC-9', link: `/drafter/contracts/${w.jjfz.contractId}` })]);
    expect(atIssue[0]!.message).toContain('有 1 条须修改的意见待答复');
    // the opinion ended the clock: no overdue reminder on the next day
    await scanOn('2026-03-23');
    expect(who(await notices(NotificationKind.ReviewOverdue, w.jjfz.contractReviewId))).toHaveLength(2);
    expect(who(await notices(NotificationKind.FindingAwaitingAnswer, w.jjfz.contractReviewId))).toEqual(['2026-03-20 drafter', '2026-03-23 drafter']);
    expectOk(await h.gql(RespondToFindingDocument, { input: { findingId: issued.findings[0]!.id, response: FindingResponse.Adopted } }, { token: await tok('drafter') }));
    await scanOn('2026-03-24');
    expect(await notices(NotificationKind.FindingAwaitingAnswer, w.jjfz.contractReviewId, '2026-03-24')).toEqual([]);
  });

  it('a signed decision not yet published reminds signer and drafter within N working days, then overdue (R-DEC-14)', async () => {
    await h.superSql(
      `set session_replication_role = replica;
       update decision set status = 'SIGNED', published_on = null, publication_channel = null, publication_due_on = '2026-03-20' where id = '${w.jjfz.decisionId}';
       set session_replication_role = origin;`,
    );
    await scanOn('2026-03-12'); // 6 working days left
    expect(await notices(NotificationKind.PublicationDueSoon, w.jjfz.proposalId)).toEqual([]);
    await scanOn('2026-03-13'); // 5 working days left
    const soon = await notices(NotificationKind.PublicationDueSoon, w.jjfz.proposalId);
    expect(who(soon)).toEqual(['2026-03-13 director', '2026-03-13 drafter']);
    expect(soon[0]).toMatchObject({ rule: 'R-DEC-14', due_on: '2026-03-20', link: `/decision/decisions/${w.jjfz.proposalId}` });
    expect(soon[1]!.link).toBe(`/drafter/proposals/${w.jjfz.proposalId}`);
    await scanOn('2026-03-23');
    expect(who(await notices(NotificationKind.PublicationOverdue, w.jjfz.proposalId))).toEqual(['2026-03-23 director', '2026-03-23 drafter']);
  });

  it('filing due soon and overdue, a correction due and overdue, and a validity ending reach the filing officers and the drafter (R-ND-6, R-ND-7, R-ND-9)', async () => {
    const doc = w.jjfz.releasedDocumentId; // published 2026-03-01: filing due 2026-03-31
    await scanOn('2026-03-23'); // 8 days left: not yet
    expect(await notices(NotificationKind.FilingDueSoon, doc, '2026-03-23')).toEqual([]);
    await scanOn('2026-03-24'); // 7 days left
    const soon = await notices(NotificationKind.FilingDueSoon, doc);
    expect(who(soon)).toEqual(['2026-03-24 drafter', '2026-03-24 filing']);
    expect(soon[0]).toMatchObject({ rule: 'R-ND-6', due_on: '2026-03-31', link: `/filing/flags?document=${doc}` });
    expect(soon[0]!.subject_label).toContain('云湖街规〔2026〕1号');
    await scanOn('2026-04-01');
    expect(who(await notices(NotificationKind.FilingOverdue, doc))).toEqual(['2026-04-01 drafter', '2026-04-01 filing']);

    let f = expectOk(await h.gql(RecordFilingDocument, { input: { documentId: doc, filedOn: '2026-04-01' } }, { token: await tok('filing') })).recordFiling.filing;
    h.clock.set(new Date('2026-04-02T02:00:00.000Z'));
    f = expectOk(
      await h.gql(RecordFilingOutcomeDocument, { input: { documentId: doc, version: f.version, outcome: FilingOutcomeKind.Defer, on: '2026-04-02', note: '缺少制定依据' } }, { token: await tok('filing') }),
    ).recordFilingOutcome.filing;
    await scanOn('2026-04-09'); // correction due 2026-04-17: 8 days
    expect(await notices(NotificationKind.CorrectionDue, doc)).toEqual([]);
    await scanOn('2026-04-10');
    const due = await notices(NotificationKind.CorrectionDue, doc);
    expect(who(due)).toEqual(['2026-04-10 drafter', '2026-04-10 filing']);
    expect(due[0]).toMatchObject({ rule: 'R-ND-7', due_on: '2026-04-17' });
    await scanOn('2026-04-20');
    expect(who(await notices(NotificationKind.CorrectionOverdue, doc))).toEqual(['2026-04-20 drafter', '2026-04-20 filing']);

    // validity: evaluation starts evaluationLeadMonths (6) before the end (R-ND-9)
    await h.sql(`update normative_document set effective_on = '2026-03-01', valid_until = '2026-10-25' where id = ?`, [doc]);
    await scanOn('2026-04-24');
    expect(await notices(NotificationKind.ValidityEnding, doc)).toEqual([]);
    await scanOn('2026-04-25');
    const ending = await notices(NotificationKind.ValidityEnding, doc);
    expect(who(ending)).toEqual(['2026-04-25 drafter', '2026-04-25 filing']);
    expect(ending[0]).toMatchObject({ rule: 'R-ND-9', due_on: '2026-10-25' });
    expect(ending[0]!.message).toContain('有效期将于 2026-10-25 届满');
  });
});
