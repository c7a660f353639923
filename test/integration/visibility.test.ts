import {
  AuditSubjectType,
  CreateNormativeDocumentDocument,
  CreateProposalDocument,
  CreateUserDocument,
  Issuer,
  MeetingAgendaProposalsDocument,
  MeetingsAgendaProposalsDocument,
  NodeDocument,
  NormativeDocumentIdsDocument,
  NormativeDocumentVersionsDocument,
  ProposalSource,
  ProposalTimelineDocument,
  ReleaseCheckDocument,
  ReviewCountsDocument,
  Role,
} from '../__generated__/graphql';
import { DEMO_PASSWORD, expectError, expectOk, startHarness, type GqlResponse, type Harness } from '../support/harness';
import { buildWorld, type World } from '../support/world';

/**
 * Visibility at every edge (issue #10, finding 1): what a user may not see through an object's own
 * query, they may not see through any field that leads to it, and they may not name it in an input.
 */
describe('visibility at every edge and in every input', () => {
  let h: Harness;
  let w: World;
  let t: Record<string, string>;

  const CROSS = ['advisor', 'filing', 'director', 'admin'];

  /** Refused with `code`, and the database unchanged. */
  async function refused<R>(call: () => Promise<GqlResponse<R>>, code: string) {
    const before = await h.snapshot();
    const err = expectError(await call(), code);
    expect(await h.snapshot()).toEqual(before);
    return err;
  }

  beforeAll(async () => {
    // These queries walk deep on purpose (every draft text, material and opinion behind an agenda):
    // the cost limit, tested in limits.test.ts, would refuse them before visibility is even asked.
    h = await startHarness({ env: { GRAPHQL_MAX_COST: '5000000' } });
    w = await buildWorld(h);
    t = w.tokens;
  });
  afterAll(() => h.close());

  describe('meetings: the record is everyone’s, the proposals on the agenda only their readers’', () => {
    const agendaOf = async (user: string) => {
      const res = await h.gql(MeetingAgendaProposalsDocument, { id: w.meetingId }, { token: t[user]! });
      return expectOk(res).meeting.agenda.nodes;
    };

    it('gives a drafter of another department the agenda item, but null for its proposal (no draft, material or opinion through it)', async () => {
      const items = await agendaOf('drafter2');
      expect(items.map((i) => i.id)).toEqual([w.jjfz.agendaItemId, w.cgzf.agendaItemId]);
      expect(items[0]!.proposal).toBeNull();
      expect(items[1]!.proposal).toMatchObject({ id: w.cgzf.proposalId });
      const mine = await agendaOf('drafter');
      expect(mine[0]!.proposal).toMatchObject({ id: w.jjfz.proposalId, title: '电竞产业扶持办法' });
      expect(mine[0]!.proposal!.currentDraft!.text).toContain('电竞产业扶持办法');
      expect(mine[0]!.proposal!.reviewRequests[0]!.opinions[0]!.text).toContain('法律意见全文');
      expect(mine[1]!.proposal).toBeNull();
    });

    it('hides them the same way in the meetings list', async () => {
      const byUser = async (user: string) =>
        expectOk(await h.gql(MeetingsAgendaProposalsDocument, {}, { token: t[user]! })).meetings.nodes.flatMap((m) => m.agenda.nodes.map((i) => i.proposal?.id ?? null));
      expect(await byUser('drafter2')).toEqual([null, w.cgzf.proposalId]);
      expect(await byUser('drafter')).toEqual([w.jjfz.proposalId, null]);
    });

    it('shows every proposal on the agenda to the cross-department roles', async () => {
      for (const user of CROSS) {
        expect((await agendaOf(user)).map((i) => i.proposal?.id)).toEqual([w.jjfz.proposalId, w.cgzf.proposalId]);
      }
    });

    it('keeps another department’s agenda item out of a proposal’s timeline', async () => {
      const timeline = expectOk(await h.gql(ProposalTimelineDocument, { id: w.jjfz.proposalId }, { token: t.drafter! })).proposal.timeline;
      const meetingEvents = timeline.filter((e) => e.subjectType === AuditSubjectType.Meeting);
      // the meeting's own events and those of this proposal's item are there …
      expect(meetingEvents.map((e) => e.action)).toEqual(
        expect.arrayContaining(['meeting.create', 'meeting.agenda.add', 'meeting.position', 'meeting.head_decision', 'meeting.finalise']),
      );
      expect(meetingEvents.find((e) => e.action === 'meeting.agenda.add')!.after).toMatchObject({ proposal: w.jjfz.proposalCode });
      // … but nothing of CGZF's item: neither its code nor its positions and decision
      const text = JSON.stringify(timeline);
      expect(text).not.toContain(w.cgzf.proposalCode);
      expect(text).not.toContain('CGZF 同意');
      expect(meetingEvents.filter((e) => (e.after as { seq?: number }).seq === 2)).toEqual([]);
    });
  });

  it('counts only the reviews a drafter may see', async () => {
    const counts = async (user: string) =>
      Object.fromEntries(expectOk(await h.gql(ReviewCountsDocument, {}, { token: t[user]! })).reviewCounts.filter((c) => c.count > 0).map((c) => [c.status, c.count]));
    // the proposal's review and the enforcement case's
    expect(await counts('drafter2')).toEqual({ OPINION_ISSUED: 2 });
    // the proposal's review, and the contract's and the document's, waiting
    expect(await counts('drafter')).toEqual({ OPINION_ISSUED: 1, SUBMITTED: 2 });
    expect(await counts('advisor')).toEqual({ OPINION_ISSUED: 3, SUBMITTED: 2 });
  });

  describe('normative documents: drafts to the sponsor department and the cross-department roles, released ones to everyone', () => {
    it('refuses another department’s document in drafting, by its query, node(id), releaseCheck and in the register', async () => {
      expectError(await h.gql(NormativeDocumentVersionsDocument, { id: w.jjfz.draftDocumentId }, { token: t.drafter2! }), 'FORBIDDEN');
      expectError(await h.gql(NodeDocument, { id: w.jjfz.draftDocumentId }, { token: t.drafter2! }), 'FORBIDDEN');
      expectError(await h.gql(ReleaseCheckDocument, { documentId: w.jjfz.draftDocumentId }, { token: t.drafter2! }), 'FORBIDDEN');
      const listed = expectOk(await h.gql(NormativeDocumentIdsDocument, { first: 100 }, { token: t.drafter2! })).normativeDocuments;
      expect(listed.nodes.map((d) => d.id)).toEqual([w.jjfz.releasedDocumentId]);
      expect(listed.totalCount).toBe(1);
    });

    it('shows the document in drafting to its department and to the cross-department roles', async () => {
      for (const user of ['drafter', ...CROSS]) {
        const d = expectOk(await h.gql(NormativeDocumentVersionsDocument, { id: w.jjfz.draftDocumentId }, { token: t[user]! })).normativeDocument;
        expect(d.state).toBe('DRAFTING');
        expect(expectOk(await h.gql(NormativeDocumentIdsDocument, { first: 100 }, { token: t[user]! })).normativeDocuments.nodes.map((x) => x.id)).toContain(
          w.jjfz.draftDocumentId,
        );
      }
    });

    it('shows a released document to everyone, but its earlier drafts, filing papers and originating proposal only to their readers', async () => {
      const outside = expectOk(await h.gql(NormativeDocumentVersionsDocument, { id: w.jjfz.releasedDocumentId }, { token: t.drafter2! })).normativeDocument;
      expect(outside.state).toBe('RELEASED');
      expect(outside.currentVersion!.number).toBe(2);
      expect(outside.versions.nodes.map((v) => v.number)).toEqual([2]);
      expect(outside.versions.totalCount).toBe(1);
      expect(outside.filingMaterials).toEqual([]);
      // the public document does not open the proposal it implements
      expect(outside.originatingProposal).toBeNull();
      const inside = expectOk(await h.gql(NormativeDocumentVersionsDocument, { id: w.jjfz.releasedDocumentId }, { token: t.drafter! })).normativeDocument;
      expect(inside.versions.nodes.map((v) => v.number)).toEqual([1, 2]);
      expect(inside.filingMaterials).toEqual([{ kind: 'DRAFTING_EXPLANATION', text: '起草说明（内部）' }]);
      expect(inside.originatingProposal).toEqual({ id: w.jjfz.proposalId, title: '电竞产业扶持办法' });
      const first = inside.versions.nodes[0]!.id;
      expectError(await h.gql(NodeDocument, { id: first }, { token: t.drafter2! }), 'FORBIDDEN');
      expect(expectOk(await h.gql(NodeDocument, { id: outside.currentVersion!.id }, { token: t.drafter2! })).node).toMatchObject({ __typename: 'TextVersion', number: 2 });
    });
  });

  describe('references in inputs are checked for visibility and department', () => {
    const documentInput = (extra: { originatingProposalId?: string; replacesId?: string }) => ({
      input: { title: '引用测试文件', issuer: Issuer.StreetOffice, text: '第一条 ……', affectsBusinessesOrPublic: false, touchesMarketEntities: false, ...extra },
    });
    const proposalInput = (amendsProposalId: string) => ({
      input: {
        title: '变更电竞产业扶持办法',
        source: ProposalSource.Department,
        problem: '问题',
        legalBasis: '依据',
        preliminaryPlan: '方案',
        necessity: '必要',
        feasibility: '可行',
        flags: { affectsPublicInterest: false, specialised: false, stabilityRisk: false, touchesMarketEntities: false, viewsDifferWidely: false },
        amendsProposalId,
      },
    });
    let mixed: string;

    beforeAll(async () => {
      // A CGZF drafter who is also a legal advisor: sees every proposal, drafts for CGZF only.
      expectOk(
        await h.gql(
          CreateUserDocument,
          { input: { username: 'drafter.advisor', displayName: '兼任顾问', departmentId: w.dept.CGZF!, roles: [Role.Drafter, Role.LegalAdvisor], password: DEMO_PASSWORD } },
          { token: t.admin! },
        ),
      );
      mixed = await h.login('drafter.advisor');
    });

    it('refuses a normative document originating from another department’s proposal', async () => {
      await refused(() => h.gql(CreateNormativeDocumentDocument, documentInput({ originatingProposalId: w.jjfz.proposalId }), { token: t.drafter2! }), 'FORBIDDEN');
      // visible to a drafter who also advises, but not theirs to act on
      await refused(() => h.gql(CreateNormativeDocumentDocument, documentInput({ originatingProposalId: w.jjfz.proposalId }), { token: mixed }), 'FORBIDDEN');
    });

    it('refuses to replace another department’s document, released or not', async () => {
      await refused(() => h.gql(CreateNormativeDocumentDocument, documentInput({ replacesId: w.jjfz.releasedDocumentId }), { token: t.drafter2! }), 'FORBIDDEN');
      await refused(() => h.gql(CreateNormativeDocumentDocument, documentInput({ replacesId: w.jjfz.draftDocumentId }), { token: t.drafter2! }), 'FORBIDDEN');
    });

    it('refuses a proposal amending another department’s decision', async () => {
      await refused(() => h.gql(CreateProposalDocument, proposalInput(w.jjfz.proposalId), { token: t.drafter2! }), 'FORBIDDEN');
      await refused(() => h.gql(CreateProposalDocument, proposalInput(w.jjfz.proposalId), { token: mixed }), 'FORBIDDEN');
    });

    it('accepts the same references from the owning department (and the filing officer for documents)', async () => {
      const created = expectOk(
        await h.gql(CreateNormativeDocumentDocument, documentInput({ originatingProposalId: w.jjfz.proposalId, replacesId: w.jjfz.releasedDocumentId }), { token: t.drafter! }),
      ).createNormativeDocument.document;
      expect(created.state).toBe('DRAFTING');
      expectOk(await h.gql(CreateNormativeDocumentDocument, documentInput({ originatingProposalId: w.jjfz.proposalId }), { token: t.filing! }));
      const amending = expectOk(await h.gql(CreateProposalDocument, proposalInput(w.jjfz.proposalId), { token: t.drafter! })).createProposal.proposal;
      expect(amending.state).toBe('AWAITING_INCLUSION');
    });
  });
});
