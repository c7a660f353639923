import {
  AdministrativeCaseKind,
  AdministrativeCaseOutcome,
  AdministrativeCasesDocument,
  AdministrativeCaseStage,
  AuditSubjectType,
  CreateAdministrativeCaseDocument,
  CreateDisputeMediationDocument,
  CreateLegalConsultationDocument,
  CreatePublicityEventDocument,
  DisputeMediationDocument,
  DisputeMediationsDocument,
  DisputeType,
  LegalConsultationDocument,
  LegalConsultationsDocument,
  MediationOutcome,
  PublicityEventDocument,
  PublicityEventsDocument,
  PublicityForm,
  RegisterAuditTrailDocument,
  UpdateAdministrativeCaseDocument,
  UpdateDisputeMediationDocument,
  UpdateLegalConsultationDocument,
  UpdatePublicityEventDocument,
} from '../__generated__/graphql';
import { signIn } from '../support/fixtures';
import { expectError, expectOk, startHarness, type Harness } from '../support/harness';

/**
 * The registers of the office's other legal work (R-AR-2): each entry belongs to a department,
 * is seen by its department and the cross-department roles, is recorded by the department's own
 * staff, the legal advisor or an administrator, obeys its rules (stable codes, Chinese messages),
 * changes only with the version read, and is audited. The test clock stands at 2026-03-05.
 */
const violationCodes = (err: { extensions?: Record<string, unknown> }) => (err.extensions!.violations as { rule: string; code: string }[]).map((v) => `${v.rule}:${v.code}`);

describe('registers of the office’s legal work', () => {
  let h: Harness;
  let t: Record<string, string>;
  let dept: Record<string, string>;

  beforeAll(async () => {
    h = await startHarness();
    ({ tokens: t, dept } = await signIn(h, ['drafter', 'drafter2', 'advisor', 'filing', 'director', 'admin']));
  });
  afterAll(() => h.close());

  describe('legal consultations (法律咨询)', () => {
    const input = { consultedOn: '2026-03-02', requester: '某社区居委会', topic: '出租屋消防责任划分', answer: '依据《消防法》第十八条……', advisor: '王律师', community: '夏茅社区' };
    let id: string;

    it('records one for the drafter’s own department, with its fields, audited', async () => {
      const c = expectOk(await h.gql(CreateLegalConsultationDocument, { input }, { token: t.drafter! })).createLegalConsultation.consultation;
      id = c.id;
      expect(c).toMatchObject({ ...input, version: 1, department: { code: 'JJFZ' } });
      expect(expectOk(await h.gql(LegalConsultationDocument, { id }, { token: t.director! })).legalConsultation.topic).toBe(input.topic);
      const trail = expectOk(await h.gql(RegisterAuditTrailDocument, { subjectType: AuditSubjectType.LegalConsultation, subjectId: id }, { token: t.admin! })).auditTrail.nodes;
      expect(trail.map((e) => [e.action, e.actorUsername])).toEqual([['register.consultation.create', 'drafter']]);
    });

    it('lets the advisor record for any department; a drafter neither records nor sees another department’s', async () => {
      const c = expectOk(await h.gql(CreateLegalConsultationDocument, { input: { ...input, topic: '油烟扰民投诉处理', departmentId: dept.CGZF! } }, { token: t.advisor! }))
        .createLegalConsultation.consultation;
      expect(c.department.code).toBe('CGZF');
      expectError(await h.gql(CreateLegalConsultationDocument, { input: { ...input, departmentId: dept.CGZF! } }, { token: t.drafter! }), 'FORBIDDEN');
      expectError(await h.gql(LegalConsultationDocument, { id: c.id }, { token: t.drafter! }), 'FORBIDDEN');
      expect(expectOk(await h.gql(LegalConsultationsDocument, { first: 10 }, { token: t.drafter! })).legalConsultations.nodes.map((n) => n.id)).toEqual([id]);
      expectError(await h.gql(LegalConsultationsDocument, { first: 10, filter: { departmentId: dept.CGZF! } }, { token: t.drafter! }), 'FORBIDDEN');
      const all = expectOk(await h.gql(LegalConsultationsDocument, { first: 10 }, { token: t.filing! })).legalConsultations;
      expect(all.totalCount).toBe(2);
      expect(expectOk(await h.gql(LegalConsultationsDocument, { first: 10, filter: { search: '油烟' } }, { token: t.admin! })).legalConsultations.nodes.map((n) => n.id)).toEqual([c.id]);
    });

    it('refuses roles that do not record, a future day and bad input, each with its code', async () => {
      expectError(await h.gql(CreateLegalConsultationDocument, { input }, { token: t.filing! }), 'FORBIDDEN');
      expectError(await h.gql(CreateLegalConsultationDocument, { input }, { token: t.director! }), 'FORBIDDEN');
      const future = expectError(await h.gql(CreateLegalConsultationDocument, { input: { ...input, consultedOn: '2026-03-06' } }, { token: t.drafter! }), 'RULE_VIOLATION');
      expect(violationCodes(future)).toEqual(['R-AR-2:DATE_IN_FUTURE']);
      expect(future.message).toContain('晚于今天');
      const bad = expectError(await h.gql(CreateLegalConsultationDocument, { input: { ...input, topic: '短' } }, { token: t.drafter! }), 'BAD_USER_INPUT');
      expect(bad.message).toContain('咨询事项应为 2–200 个字符');
    });

    it('changes only with the version read: a stale one is CONFLICT', async () => {
      const u = expectOk(await h.gql(UpdateLegalConsultationDocument, { input: { ...input, id, version: 1, answer: '补充：另见《广东省消防工作若干规定》' } }, { token: t.drafter! }))
        .updateLegalConsultation.consultation;
      expect(u).toMatchObject({ version: 2, answer: '补充：另见《广东省消防工作若干规定》' });
      const stale = expectError(await h.gql(UpdateLegalConsultationDocument, { input: { ...input, id, version: 1 } }, { token: t.drafter! }), 'CONFLICT');
      expect(stale.message).toContain('已被他人修改');
      expectError(await h.gql(UpdateLegalConsultationDocument, { input: { ...input, id, version: 2 } }, { token: t.drafter2! }), 'FORBIDDEN');
      const trail = expectOk(await h.gql(RegisterAuditTrailDocument, { subjectType: AuditSubjectType.LegalConsultation, subjectId: id }, { token: t.admin! })).auditTrail.nodes;
      expect(trail.map((e) => e.action)).toEqual(['register.consultation.create', 'register.consultation.update']);
      expect(trail[1]!.before).toMatchObject({ answer: input.answer });
    });
  });

  describe('dispute mediations (矛盾纠纷调解)', () => {
    const input = { receivedOn: '2026-02-10', parties: '张某与李某', disputeType: DisputeType.Neighbourhood, summary: '楼上漏水纠纷', outcome: MediationOutcome.InProgress, community: '大朗社区' };
    let id: string;

    it('records one in progress, then its outcome with the closing day', async () => {
      const m = expectOk(await h.gql(CreateDisputeMediationDocument, { input }, { token: t.drafter2! })).createDisputeMediation.mediation;
      id = m.id;
      expect(m).toMatchObject({ outcome: 'IN_PROGRESS', closedOn: null, department: { code: 'CGZF' } });
      const closed = expectOk(await h.gql(UpdateDisputeMediationDocument, { input: { ...input, id, version: 1, outcome: MediationOutcome.Settled, closedOn: '2026-02-20' } }, { token: t.advisor! }))
        .updateDisputeMediation.mediation;
      expect(closed).toMatchObject({ version: 2, outcome: 'SETTLED', closedOn: '2026-02-20' });
      expect(expectOk(await h.gql(DisputeMediationsDocument, { first: 10, filter: { outcome: MediationOutcome.Settled } }, { token: t.advisor! })).disputeMediations.nodes.map((n) => n.id)).toEqual([id]);
      expect(expectOk(await h.gql(DisputeMediationsDocument, { first: 10, filter: { outcome: MediationOutcome.InProgress } }, { token: t.advisor! })).disputeMediations.totalCount).toBe(0);
    });

    it('refuses an outcome without its closing day, a closing day in progress or before receipt', async () => {
      const noDay = expectError(await h.gql(CreateDisputeMediationDocument, { input: { ...input, outcome: MediationOutcome.NotSettled } }, { token: t.drafter2! }), 'RULE_VIOLATION');
      expect(violationCodes(noDay)).toEqual(['R-AR-1:CLOSING_DATE_REQUIRED']);
      const early = expectError(await h.gql(CreateDisputeMediationDocument, { input: { ...input, closedOn: '2026-02-01' } }, { token: t.drafter2! }), 'RULE_VIOLATION');
      expect(violationCodes(early)).toEqual(['R-AR-1:CLOSED_BEFORE_OPENED', 'R-AR-1:CLOSING_DATE_WITHOUT_OUTCOME']);
      expect(early.message).toContain('结案日期 2026-02-01 早于受理日期 2026-02-10');
    });

    it('is refused to another department’s drafter, and on a stale version', async () => {
      expectError(await h.gql(DisputeMediationDocument, { id }, { token: t.drafter! }), 'FORBIDDEN');
      expectError(await h.gql(UpdateDisputeMediationDocument, { input: { ...input, id, version: 2 } }, { token: t.drafter! }), 'FORBIDDEN');
      expectError(await h.gql(UpdateDisputeMediationDocument, { input: { ...input, id, version: 1 } }, { token: t.drafter2! }), 'CONFLICT');
      expect(expectOk(await h.gql(DisputeMediationDocument, { id }, { token: t.drafter2! })).disputeMediation.version).toBe(2);
    });
  });

  describe('administrative litigation and reconsideration (行政诉讼、行政复议)', () => {
    const input = {
      caseNumber: '(2026)粤0111行初12号',
      kind: AdministrativeCaseKind.Litigation,
      party: '广州某餐饮管理有限公司',
      cause: '不服责令停业整顿决定',
      stage: AdministrativeCaseStage.FirstInstance,
      openedOn: '2026-01-15',
    };
    let id: string;

    it('records a case and closes it with its outcome', async () => {
      const c = expectOk(await h.gql(CreateAdministrativeCaseDocument, { input }, { token: t.drafter2! })).createAdministrativeCase.case;
      id = c.id;
      expect(c).toMatchObject({ ...input, outcome: null, closedOn: null, version: 1, department: { code: 'CGZF' } });
      const closed = expectOk(
        await h.gql(UpdateAdministrativeCaseDocument, { input: { ...input, id, version: 1, stage: AdministrativeCaseStage.Closed, outcome: AdministrativeCaseOutcome.Upheld, closedOn: '2026-03-01' } }, { token: t.drafter2! }),
      ).updateAdministrativeCase.case;
      expect(closed).toMatchObject({ stage: 'CLOSED', outcome: 'UPHELD', closedOn: '2026-03-01', version: 2 });
      const reconsideration = expectOk(
        await h.gql(CreateAdministrativeCaseDocument, { input: { ...input, caseNumber: '穗云复〔2026〕3号', kind: AdministrativeCaseKind.Reconsideration, stage: AdministrativeCaseStage.Accepted } }, { token: t.advisor! }),
      ).createAdministrativeCase.case;
      expect(reconsideration.department.code).toBe('FLGW');
      expect(expectOk(await h.gql(AdministrativeCasesDocument, { first: 10, filter: { kind: AdministrativeCaseKind.Litigation } }, { token: t.admin! })).administrativeCases.nodes.map((n) => n.id)).toEqual([id]);
      expect(expectOk(await h.gql(AdministrativeCasesDocument, { first: 10, filter: { search: '复〔2026〕' } }, { token: t.admin! })).administrativeCases.nodes.map((n) => n.id)).toEqual([reconsideration.id]);
    });

    it('refuses a court stage for a reconsideration, a closed case without outcome or day, an outcome while open, a case number twice', async () => {
      const stage = expectError(
        await h.gql(CreateAdministrativeCaseDocument, { input: { ...input, caseNumber: 'X-1', kind: AdministrativeCaseKind.Reconsideration, stage: AdministrativeCaseStage.SecondInstance } }, { token: t.drafter2! }),
        'RULE_VIOLATION',
      );
      expect(violationCodes(stage)).toEqual(['R-AR-2:STAGE_NOT_FOR_KIND']);
      expect(stage.message).toContain('行政复议案件没有「二审」阶段');
      const closed = expectError(await h.gql(CreateAdministrativeCaseDocument, { input: { ...input, caseNumber: 'X-2', stage: AdministrativeCaseStage.Closed } }, { token: t.drafter2! }), 'RULE_VIOLATION');
      expect(violationCodes(closed)).toEqual(['R-AR-2:OUTCOME_REQUIRED', 'R-AR-1:CLOSING_DATE_REQUIRED']);
      const open = expectError(await h.gql(CreateAdministrativeCaseDocument, { input: { ...input, caseNumber: 'X-3', outcome: AdministrativeCaseOutcome.Revoked } }, { token: t.drafter2! }), 'RULE_VIOLATION');
      expect(violationCodes(open)).toEqual(['R-AR-1:OUTCOME_BEFORE_CLOSING']);
      const twice = expectError(await h.gql(CreateAdministrativeCaseDocument, { input }, { token: t.drafter2! }), 'CONFLICT');
      expect(twice.message).toContain('案号「(2026)粤0111行初12号」已登记');
    });

    it('is refused to another department’s drafter, and on a stale version', async () => {
      expectError(await h.gql(UpdateAdministrativeCaseDocument, { input: { ...input, id, version: 2 } }, { token: t.drafter! }), 'FORBIDDEN');
      expectError(await h.gql(UpdateAdministrativeCaseDocument, { input: { ...input, id, version: 1 } }, { token: t.drafter2! }), 'CONFLICT');
    });
  });

  describe('publicity events (普法活动)', () => {
    const input = { heldOn: '2026-01-20', topic: '民法典进社区', form: PublicityForm.Lecture, audienceSize: 85, community: '环滘社区' };
    let id: string;

    it('records events and lists them by period and form', async () => {
      id = expectOk(await h.gql(CreatePublicityEventDocument, { input }, { token: t.drafter! })).createPublicityEvent.event.id;
      const other = expectOk(await h.gql(CreatePublicityEventDocument, { input: { ...input, heldOn: '2026-02-25', form: PublicityForm.Online, audienceSize: 300 } }, { token: t.drafter! }))
        .createPublicityEvent.event;
      expect(expectOk(await h.gql(PublicityEventsDocument, { first: 10 }, { token: t.drafter! })).publicityEvents.nodes.map((n) => n.id)).toEqual([other.id, id]);
      expect(expectOk(await h.gql(PublicityEventsDocument, { first: 10, filter: { from: '2026-02-01', to: '2026-02-28' } }, { token: t.drafter! })).publicityEvents.nodes.map((n) => n.id)).toEqual([other.id]);
      expect(expectOk(await h.gql(PublicityEventsDocument, { first: 10, filter: { form: PublicityForm.Lecture } }, { token: t.drafter! })).publicityEvents.nodes.map((n) => n.id)).toEqual([id]);
      expectError(await h.gql(PublicityEventsDocument, { first: 10, filter: { from: '2026-03-01', to: '2026-02-01' } }, { token: t.drafter! }), 'BAD_USER_INPUT');
    });

    it('refuses a negative audience, another department and a stale version', async () => {
      const bad = expectError(await h.gql(CreatePublicityEventDocument, { input: { ...input, audienceSize: -1 } }, { token: t.drafter! }), 'BAD_USER_INPUT');
      expect(bad.message).toContain('受众人数不能为负数');
      expectError(await h.gql(PublicityEventDocument, { id }, { token: t.drafter2! }), 'FORBIDDEN');
      expectError(await h.gql(UpdatePublicityEventDocument, { input: { ...input, id, version: 1 } }, { token: t.drafter2! }), 'FORBIDDEN');
      expect(expectOk(await h.gql(UpdatePublicityEventDocument, { input: { ...input, id, version: 1, audienceSize: 90 } }, { token: t.admin! })).updatePublicityEvent.event.audienceSize).toBe(90);
      expectError(await h.gql(UpdatePublicityEventDocument, { input: { ...input, id, version: 1 } }, { token: t.drafter! }), 'CONFLICT');
    });
  });
});
