import { randomUUID, createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AcceptReviewDocument,
  CreateContractDocument,
  CreateUserDocument,
  FindingAspect,
  IssueOpinionDocument,
  OpinionConclusion,
  RecordFirstReviewDocument,
  RequestContractReviewDocument,
  ReviewDocument,
  ReviewsDocument,
  ReviewStatisticsDocument,
  Role,
  SaveOpinionDraftDocument,
} from '../__generated__/graphql';
import { signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';
import { addContractPackage, aspectsFor, CONTRACT_FACTS } from '../support/packages';

const LONG_TOKENS = { JWT_TTL_SECONDS: String(30 * 24 * 3600) };
const at = (date: string) => new Date(`${date}T02:00:00Z`); // 10:00 in Guangzhou
const finding = { aspect: FindingAspect.Content, mustFix: true, text: '违约责任条款显失公平', lawName: '《中华人民共和国民法典》', article: '第四百九十七条' };

async function createContract(h: Harness, t: Record<string, string>, title: string) {
  h.clock.set(at('2026-03-05'));
  return expectOk(await h.gql(CreateContractDocument, { input: { title, counterparty: '某公司', amount: '1000.00', text: `${title}文本`, ...CONTRACT_FACTS } }, { token: t.drafter2! })).createContract.contract.id;
}

async function contractReview(h: Harness, t: Record<string, string>, contractId: string, on = '2026-03-05') {
  h.clock.set(at(on));
  await addContractPackage(h, t.drafter2!, contractId);
  let r = expectOk(await h.gql(RequestContractReviewDocument, { input: { contractId } }, { token: t.drafter2! })).requestContractReview.review;
  r = expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: r.version } }, { token: t.advisor! })).acceptReview.review;
  return r.id;
}

async function issue(h: Harness, t: Record<string, string>, reviewId: string, on: string, conclusion: OpinionConclusion, findings: (typeof finding)[] = []) {
  h.clock.set(at(on));
  const draft = expectOk(
    await h.gql(
      SaveOpinionDraftDocument,
      { input: { reviewId, conclusion, text: `${conclusion} 意见`, findings, aspects: aspectsFor(conclusion, findings) } },
      { token: t.advisor! },
    ),
  ).saveOpinionDraft.opinion;
  return expectOk(await h.gql(IssueOpinionDocument, { input: { opinionId: draft.id, version: draft.version } }, { token: t.advisor! })).issueOpinion.opinion;
}

describe('legality-review statistics', () => {
  let h: Harness;
  let t: Record<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness({ env: LONG_TOKENS });
    ({ tokens: t } = await signIn(h, ['drafter2', 'advisor', 'director', 'drafter']));
    ids.contract1 = await createContract(h, t, '合同一');
    ids.contract2 = await createContract(h, t, '合同二');
    ids.contract3 = await createContract(h, t, '合同三');
    ids.c1 = await contractReview(h, t, ids.contract1);
    ids.c2 = await contractReview(h, t, ids.contract2);
    ids.c3 = await contractReview(h, t, ids.contract3);
    await issue(h, t, ids.c1, '2026-03-11', OpinionConclusion.Lawful);
    await issue(h, t, ids.c3, '2026-03-12', OpinionConclusion.Unlawful, [finding]);
    await issue(h, t, ids.c1, '2026-03-13', OpinionConclusion.Lawful); // a correction of c1's opinion
    await issue(h, t, ids.c2, '2026-03-23', OpinionConclusion.LawfulWithAmendments, [finding]);
    // contract 1 is reviewed a second time (a new review of the same contract): one contract, two reviews
    ids.c1b = await contractReview(h, t, ids.contract1, '2026-03-24');
    await issue(h, t, ids.c1b, '2026-03-26', OpinionConclusion.Lawful);
  });
  afterAll(() => h.close());

  it('match the hand-counted fixture for March 2026, counting as the annual report counts (R-AR-1)', async () => {
    // accepted Thu 5 March, due Thu 19 March (10 working days).
    // c1: opinion Wed 11 March = 4 working days (6, 9, 10, 11), on time; corrected on 13 March
    // c3: opinion Thu 12 March = 5 working days, on time
    // c2: opinion Mon 23 March = 12 working days, late
    // c1b (contract 1 again): accepted Tue 24 March, opinion Thu 26 March = 2 working days, on time
    // Opinions: four issued, one correction reported apart; contracts: three, in four reviews.
    const s = expectOk(await h.gql(ReviewStatisticsDocument, { from: '2026-03-01', to: '2026-03-31' }, { token: t.director! })).reviewStatistics;
    expect(s.opinionsIssued).toBe(4);
    expect(s.byConclusion.map((c) => [c.conclusion, c.count])).toEqual([
      ['LAWFUL', 2],
      ['LAWFUL_WITH_AMENDMENTS', 1],
      ['UNLAWFUL', 1],
      ['EXPLORATORY_RISK_DISCLOSED', 0],
      // the conclusions of major law-enforcement decisions (R-EN-4), none in this fixture
      ['AGREED', 0],
      ['AGREED_WITH_AMENDMENTS', 0],
      ['RETURNED_FOR_FURTHER_INVESTIGATION', 0],
      ['NOT_AGREED', 0],
    ]);
    expect(s.contractsReviewed).toBe(3);
    expect([...s.contractReviewIds].sort()).toEqual([ids.c1, ids.c2, ids.c3, ids.c1b].sort());
    expect(s.rows.map((r) => [r.reviewId, r.workingDays, r.onTime])).toEqual([
      [ids.c1, 4, true],
      [ids.c3, 5, true],
      [ids.c2, 12, false],
      [ids.c1b, 2, true],
    ]);
    expect(s.averageWorkingDays).toBe(5.8);
    expect(s.maxWorkingDays).toBe(12);
    expect(s.onTimeRate).toBeCloseTo(3 / 4, 10);
    // every opinion counted is an issued opinion that corrects none
    const opinionIds = s.byConclusion.flatMap((c) => c.opinionIds);
    const rows = await h.sql<{ id: string }>(`select id from legal_opinion where status = 'ISSUED' and supersedes_id is null`);
    expect([...opinionIds].sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('count by the business day the opinion was issued', async () => {
    const s = expectOk(await h.gql(ReviewStatisticsDocument, { from: '2026-03-01', to: '2026-03-11' }, { token: t.director! })).reviewStatistics;
    expect(s.opinionsIssued).toBe(1);
    expect(s.rows.map((r) => r.reviewId)).toEqual([ids.c1]);
    expectError(await h.gql(ReviewStatisticsDocument, { from: '2026-03-31', to: '2026-03-01' }, { token: t.director! }), 'BAD_USER_INPUT');
    expectError(await h.gql(ReviewStatisticsDocument, { from: '2026-03-01', to: '2026-03-31' }, { token: t.drafter2! }), 'FORBIDDEN');
  });

  it('marks the corrected opinion superseded, both kept', async () => {
    const r = expectOk(await h.gql(ReviewDocument, { id: ids.c1! }, { token: t.drafter2! })).review;
    expect(r.opinions.map((o) => [o.number, o.status, o.superseded, o.supersedesId])).toEqual([
      [1, 'ISSUED', true, null],
      [2, 'ISSUED', false, r.opinions[0]!.id],
    ]);
  });

  it('shows a drafter only their own department’s reviews', async () => {
    expect(expectOk(await h.gql(ReviewsDocument, {}, { token: t.drafter! })).reviews.totalCount).toBe(0);
    expect(expectOk(await h.gql(ReviewsDocument, {}, { token: t.drafter2! })).reviews.totalCount).toBe(4);
    expectError(await h.gql(ReviewDocument, { id: ids.c1! }, { token: t.drafter! }), 'FORBIDDEN');
  });
});

describe('two-tier review (R-LR-6, configured)', () => {
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rules-'));
    const rulesFile = path.join(dir, 'rules.json');
    writeFileSync(rulesFile, JSON.stringify({ review: { twoTierReview: true } }));
    h = await startHarness({ env: { ...LONG_TOKENS, RULES_FILE: rulesFile } });
    ({ tokens: t, dept } = await signIn(h, ['drafter2', 'advisor', 'admin']));
  });
  afterAll(() => h.close());

  it('requires a first review by the department’s legal staff before the legal office accepts', async () => {
    const c = expectOk(await h.gql(CreateContractDocument, { input: { title: '执法记录仪租赁合同', counterparty: '某公司', amount: '36000', text: '文本', ...CONTRACT_FACTS } }, { token: t.drafter2! })).createContract.contract;
    await addContractPackage(h, t.drafter2!, c.id);
    let r = expectOk(await h.gql(RequestContractReviewDocument, { input: { contractId: c.id } }, { token: t.drafter2! })).requestContractReview.review;
    expect(r.status).toBe('FIRST_REVIEW');
    const before = await h.snapshot();
    const refused = expectError(await h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: r.version } }, { token: t.advisor! }), 'RULE_VIOLATION');
    expect((refused.extensions!.violations as { rule: string }[])[0]!.rule).toBe('R-LR-2');
    const self = expectError(await h.gql(RecordFirstReviewDocument, { input: { reviewId: r.id, version: r.version, note: '同意' } }, { token: t.drafter2! }), 'RULE_VIOLATION');
    expect((self.extensions!.violations as { rule: string }[])[0]!.rule).toBe('R-LR-6');
    expectError(await h.gql(RecordFirstReviewDocument, { input: { reviewId: r.id, version: r.version, note: '同意' } }, { token: t.advisor! }), 'FORBIDDEN');
    expect(await h.snapshot()).toEqual(before);

    expectOk(
      await h.gql(
        CreateUserDocument,
        { input: { username: 'cgzf.legal', displayName: '城管执法队法制员', departmentId: dept.CGZF!, roles: [Role.Drafter], password: 'Fazhi-2026-ok' } },
        { token: t.admin! },
      ),
    );
    const legal = await h.login('cgzf.legal', 'Fazhi-2026-ok');
    r = expectOk(await h.gql(RecordFirstReviewDocument, { input: { reviewId: r.id, version: r.version, note: '初审：主体适格，建议细化违约条款' } }, { token: legal })).recordFirstReview.review;
    expect(r.status).toBe('SUBMITTED');
    r = expectOk(await h.gql(AcceptReviewDocument, { input: { reviewId: r.id, version: r.version } }, { token: t.advisor! })).acceptReview.review;
    expect(r.status).toBe('ACCEPTED');
  });
});

describe('review queue statement counts', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness();
    token = await h.login('advisor');
    const dept = (await h.sql<{ id: string }>(`select id from department where code = 'CGZF'`))[0]!.id;
    const users = await h.sql<{ id: string; username: string }>(`select id, username from app_user where username in ('drafter2', 'advisor')`);
    const drafter2 = users.find((u) => u.username === 'drafter2')!.id;
    const advisor = users.find((u) => u.username === 'advisor')!.id;
    const now = new Date().toISOString();
    for (let i = 0; i < 60; i++) {
      const contract = randomUUID();
      const hash = createHash('sha256').update(String(i)).digest('hex');
      await h.sql(
        `insert into contract (id, code, title, counterparty, amount, department_id, created_by_id, current_draft_number, version, created_at)
         values (?, ?, ?, '某公司', 100, ?, ?, 1, 1, ?)`,
        [contract, `HT-2026-${String(i + 100)}`, `合同${i}`, dept, drafter2, now],
      );
      const draft = randomUUID();
      await h.sql(`insert into text_version (id, owner_type, owner_id, number, text, change_note, content_hash, author_id, created_at) values (?, 'CONTRACT', ?, 1, 't', 'n', ?, ?, ?)`, [
        draft,
        contract,
        hash,
        drafter2,
        now,
      ]);
      const due = `2026-03-${String(10 + (i % 18)).padStart(2, '0')}`;
      await h.sql(
        `insert into review_request (id, code, subject_type, subject_title, subject_id, pinned_version_id, pinned_hash, pinned_materials, department_id, status,
           requested_by_id, requested_at, assigned_to_id, accepted_on, paused_working_days, extension_working_days, due_on, due_sort_key, version)
         values (?, ?, 'CONTRACT', ?, ?, ?, ?, '[]', ?, 'ACCEPTED', ?, ?, ?, '2026-03-02', 0, 0, ?, ?, 1)`,
        [randomUUID(), `SC-2026-${String(i + 100)}`, `合同${i}`, contract, draft, hash, dept, drafter2, now, advisor, due, due],
      );
    }
  });
  afterAll(() => h.close());

  async function count(first: number) {
    h.statements.reset();
    const edges = expectOk(await h.gql(ReviewsDocument, { first }, { token })).reviews.edges;
    expect(edges).toHaveLength(first);
    expect(edges.every((e) => e.node.assignedTo?.username === 'advisor' && e.node.contract?.code.startsWith('HT-') && e.node.pinnedVersion.number === 1)).toBe(true);
    const dues = edges.map((e) => e.node.dueOn!);
    expect([...dues].sort()).toEqual(dues);
    return h.statements.count;
  }

  it('lists 5 and 50 reviews with advisor, contract and draft number in the same number of statements', async () => {
    const five = await count(5);
    expect(await count(50)).toBe(five);
    expect(five).toBe(6); // authenticate, page, count, users, contracts, contract drafts
  });
});
