import { DEFAULT_RULES, type RulesConfig } from '../../src/core/config';
import { FairCompetitionConclusion, OpinionResponse, ProcedureKind, ProposalState, RiskLevel } from '../../src/proposal/proposal.enums';
import { MaterialKind } from '../../src/content/material.enums';
import {
  consultationWindowDays,
  derivedProcedures,
  flagChangeViolations,
  legalityReviewBlockers,
  requiredProcedures,
  type ReadinessSnapshot,
  withdrawalViolations,
} from '../../src/proposal/readiness.rules';
import { PROPOSAL_WORKFLOW } from '../../src/proposal/proposal.workflow';
import { lineDiff } from '../../src/content/line-diff';

const TODAY = '2026-03-05';
const NO_FLAGS = { affectsPublicInterest: false, specialised: false, stabilityRisk: false, touchesMarketEntities: false };
const BASE_MATERIALS = [MaterialKind.DRAFT_EXPLANATION, MaterialKind.LEGAL_BASIS_LIST, MaterialKind.PROCEDURE_EXPLANATION];

function ready(overrides: Partial<ReadinessSnapshot> = {}): ReadinessSnapshot {
  return {
    state: ProposalState.INCLUDED,
    flags: NO_FLAGS,
    viewsDifferWidely: false,
    addedProcedures: [],
    currentDraftNumber: 1,
    alternatives: 0,
    consultation: null,
    hearing: null,
    expertOpinions: [],
    latestRisk: null,
    fairCompetition: null,
    materialKinds: new Set(BASE_MATERIALS),
    ...overrides,
  };
}

const consultation = (startsOn: string, endsOn: string, extra: Partial<NonNullable<ReadinessSnapshot['consultation']>> = {}) => ({
  startsOn,
  endsOn,
  shortenedReason: null,
  adoptionSummary: '采纳情况说明',
  opinions: [],
  ...extra,
});

const codes = (v: { code: string; rule: string }[]) => v.map((x) => `${x.rule}:${x.code}`);

describe('R-DEC-3 required procedures', () => {
  it('derives each procedure from its flag', () => {
    expect(derivedProcedures(NO_FLAGS)).toEqual([]);
    expect(derivedProcedures({ ...NO_FLAGS, affectsPublicInterest: true })).toEqual([ProcedureKind.PUBLIC_CONSULTATION]);
    expect(derivedProcedures({ ...NO_FLAGS, specialised: true })).toEqual([ProcedureKind.EXPERT_REVIEW]);
    expect(derivedProcedures({ ...NO_FLAGS, stabilityRisk: true })).toEqual([ProcedureKind.RISK_ASSESSMENT]);
    expect(derivedProcedures({ ...NO_FLAGS, touchesMarketEntities: true })).toEqual([ProcedureKind.FAIR_COMPETITION_REVIEW]);
  });

  it('adds the decision maker’s procedures without duplicates', () => {
    expect(requiredProcedures({ ...NO_FLAGS, stabilityRisk: true }, [ProcedureKind.HEARING, ProcedureKind.RISK_ASSESSMENT])).toEqual([
      ProcedureKind.HEARING,
      ProcedureKind.RISK_ASSESSMENT,
    ]);
  });

  it('never drops a derived procedure once included', () => {
    const on = { ...NO_FLAGS, affectsPublicInterest: true };
    expect(codes(flagChangeViolations(ProposalState.INCLUDED, on, NO_FLAGS))).toEqual(['R-DEC-3:PROCEDURE_DROPPED']);
    expect(flagChangeViolations(ProposalState.AWAITING_INCLUSION, on, NO_FLAGS)).toEqual([]);
    expect(flagChangeViolations(ProposalState.INCLUDED, NO_FLAGS, on)).toEqual([]);
  });
});

describe('R-DEC-4 public consultation', () => {
  const flags = { ...NO_FLAGS, affectsPublicInterest: true };
  const materials = new Set([...BASE_MATERIALS, MaterialKind.CONSULTATION_REPORT]);

  it('counts the window in calendar days, both ends included', () => {
    expect(consultationWindowDays('2026-01-20', '2026-02-18')).toBe(30);
    expect(consultationWindowDays('2026-01-20', '2026-02-17')).toBe(29);
  });

  it('accepts 30 days and refuses 29 without a reason, naming the numbers', () => {
    expect(legalityReviewBlockers(ready({ flags, materialKinds: materials, consultation: consultation('2026-01-20', '2026-02-18') }), DEFAULT_RULES, TODAY)).toEqual(
      [],
    );
    const v = legalityReviewBlockers(ready({ flags, materialKinds: materials, consultation: consultation('2026-01-20', '2026-02-17') }), DEFAULT_RULES, TODAY);
    expect(codes(v)).toEqual(['R-DEC-4:CONSULTATION_TOO_SHORT']);
    expect(v[0]!.message).toContain('29 日，少于 30 日');
  });

  it('accepts a shorter window with a stated reason', () => {
    const c = consultation('2026-02-01', '2026-02-10', { shortenedReason: '上级限期出台' });
    expect(legalityReviewBlockers(ready({ flags, materialKinds: materials, consultation: c }), DEFAULT_RULES, TODAY)).toEqual([]);
  });

  it('uses the configured minimum', () => {
    const rules: RulesConfig = { ...DEFAULT_RULES, decision: { ...DEFAULT_RULES.decision, consultationMinDays: 20 } };
    const c = consultation('2026-02-01', '2026-02-20');
    expect(legalityReviewBlockers(ready({ flags, materialKinds: materials, consultation: c }), rules, TODAY)).toEqual([]);
    expect(codes(legalityReviewBlockers(ready({ flags, materialKinds: materials, consultation: c }), DEFAULT_RULES, TODAY))).toEqual([
      'R-DEC-4:CONSULTATION_TOO_SHORT',
    ]);
  });

  it('requires the window to be over, every opinion answered, reasons for rejections and a summary', () => {
    const c = consultation('2026-02-10', '2026-03-11', {
      adoptionSummary: null,
      opinions: [
        { seq: 1, response: null, responseReason: null },
        { seq: 2, response: OpinionResponse.NOT_ADOPTED, responseReason: ' ' },
        { seq: 3, response: OpinionResponse.ADOPTED, responseReason: null },
      ],
    });
    expect(codes(legalityReviewBlockers(ready({ flags, materialKinds: materials, consultation: c }), DEFAULT_RULES, TODAY))).toEqual([
      'R-DEC-4:CONSULTATION_OPEN',
      'R-DEC-4:OPINION_UNANSWERED',
      'R-DEC-4:OPINION_REASON_MISSING',
      'R-DEC-4:ADOPTION_SUMMARY_MISSING',
    ]);
  });

  it('requires a record and the consultation report', () => {
    expect(codes(legalityReviewBlockers(ready({ flags }), DEFAULT_RULES, TODAY))).toEqual(['R-DEC-4:CONSULTATION_MISSING', 'R-LR-2:MATERIAL_MISSING']);
  });
});

describe('R-DEC-5 hearing', () => {
  const hearing = (materialsSentOn: string, extra = {}) => ({
    heldOn: '2026-02-25',
    participantsPublishedOn: '2026-02-10',
    materialsSentOn,
    recordSigned: true,
    record: '笔录',
    ...extra,
  });
  it('needs materials at least 7 days before', () => {
    expect(legalityReviewBlockers(ready({ hearing: hearing('2026-02-18') }), DEFAULT_RULES, TODAY)).toEqual([]);
    const v = legalityReviewBlockers(ready({ hearing: hearing('2026-02-19') }), DEFAULT_RULES, TODAY);
    expect(codes(v)).toEqual(['R-DEC-5:HEARING_MATERIALS_LATE']);
    expect(v[0]!.message).toContain('6 日送达，少于 7 日');
  });
  it('needs the participant list in advance and a signed record', () => {
    expect(
      codes(legalityReviewBlockers(ready({ hearing: hearing('2026-02-10', { participantsPublishedOn: '2026-02-25', recordSigned: false }) }), DEFAULT_RULES, TODAY)),
    ).toEqual(['R-DEC-5:PARTICIPANTS_NOT_PUBLISHED', 'R-DEC-5:HEARING_RECORD_UNSIGNED']);
  });
  it('is required when a decision maker added it', () => {
    expect(codes(legalityReviewBlockers(ready({ addedProcedures: [ProcedureKind.HEARING] }), DEFAULT_RULES, TODAY))).toEqual(['R-DEC-5:HEARING_MISSING']);
  });
});

describe('R-DEC-6 expert review', () => {
  const flags = { ...NO_FLAGS, specialised: true };
  const materials = new Set([...BASE_MATERIALS, MaterialKind.EXPERT_OPINIONS]);
  it('needs signed opinions with their adoption recorded', () => {
    expect(codes(legalityReviewBlockers(ready({ flags, materialKinds: materials }), DEFAULT_RULES, TODAY))).toEqual(['R-DEC-6:EXPERT_OPINION_MISSING']);
    const opinions = [
      { expertName: '甲', adoption: null, adoptionReason: null },
      { expertName: '乙', adoption: OpinionResponse.PARTIALLY_ADOPTED, adoptionReason: null },
      { expertName: '丙', adoption: OpinionResponse.ADOPTED, adoptionReason: null },
    ];
    expect(codes(legalityReviewBlockers(ready({ flags, materialKinds: materials, expertOpinions: opinions }), DEFAULT_RULES, TODAY))).toEqual([
      'R-DEC-6:EXPERT_ADOPTION_MISSING',
      'R-DEC-6:EXPERT_REASON_MISSING',
    ]);
  });
});

describe('R-DEC-7 risk assessment', () => {
  const flags = { ...NO_FLAGS, stabilityRisk: true };
  const materials = new Set([...BASE_MATERIALS, MaterialKind.RISK_REPORT]);
  it('blocks on HIGH and passes on MEDIUM after re-assessment', () => {
    const high = legalityReviewBlockers(ready({ flags, materialKinds: materials, latestRisk: { level: RiskLevel.HIGH, round: 1 } }), DEFAULT_RULES, TODAY);
    expect(codes(high)).toEqual(['R-DEC-7:RISK_HIGH']);
    expect(high[0]!.message).toContain('风险等级为高');
    expect(legalityReviewBlockers(ready({ flags, materialKinds: materials, latestRisk: { level: RiskLevel.MEDIUM, round: 2 } }), DEFAULT_RULES, TODAY)).toEqual([]);
  });
});

describe('fair-competition review (R-DEC-3)', () => {
  const flags = { ...NO_FLAGS, touchesMarketEntities: true };
  const materials = new Set([...BASE_MATERIALS, MaterialKind.FAIR_COMPETITION_REVIEW]);
  it('is required and must not be NON_COMPLIANT', () => {
    expect(codes(legalityReviewBlockers(ready({ flags, materialKinds: materials }), DEFAULT_RULES, TODAY))).toEqual(['R-DEC-3:FAIR_COMPETITION_MISSING']);
    expect(
      codes(legalityReviewBlockers(ready({ flags, materialKinds: materials, fairCompetition: { conclusion: FairCompetitionConclusion.NON_COMPLIANT } }), DEFAULT_RULES, TODAY)),
    ).toEqual(['R-DEC-3:FAIR_COMPETITION_FAILED']);
  });
});

describe('R-LR-2 package and R-DEC-2 drafting', () => {
  it('lists every missing element at once', () => {
    const v = legalityReviewBlockers(ready({ state: ProposalState.AWAITING_INCLUSION, currentDraftNumber: 0, materialKinds: new Set(), viewsDifferWidely: true, alternatives: 1 }), DEFAULT_RULES, TODAY);
    expect(codes(v)).toEqual([
      'R-DIR-4:NOT_INCLUDED',
      'R-LR-2:DRAFT_MISSING',
      'R-DEC-2:ALTERNATIVES_MISSING',
      'R-LR-2:MATERIAL_MISSING',
      'R-LR-2:MATERIAL_MISSING',
      'R-LR-2:MATERIAL_MISSING',
    ]);
  });
  it('is satisfied by a complete package', () => {
    expect(legalityReviewBlockers(ready({ viewsDifferWidely: true, alternatives: 2 }), DEFAULT_RULES, TODAY)).toEqual([]);
  });
});

describe('proposal state machine', () => {
  it('has one transition per event and refuses events from other states with the rule id', () => {
    const events = PROPOSAL_WORKFLOW.transitions.map((t) => t.event);
    expect(new Set(events).size).toBe(events.length);
    expect(PROPOSAL_WORKFLOW.violations(ProposalState.AWAITING_INCLUSION, 'INCLUDE')).toEqual([]);
    expect(codes(PROPOSAL_WORKFLOW.violations(ProposalState.INCLUDED, 'INCLUDE'))).toEqual(['R-DIR-4:INVALID_STATE']);
    expect(codes(PROPOSAL_WORKFLOW.violations(ProposalState.WITHDRAWN, 'WITHDRAW'))).toEqual(['R-DEC-1:INVALID_STATE']);
    expect(codes(PROPOSAL_WORKFLOW.violations(ProposalState.AWAITING_INCLUSION, 'REQUEST_LEGALITY_REVIEW'))).toEqual(['R-LR-2:INVALID_STATE']);
  });
});

describe('line diff', () => {
  it('marks removed, added and unchanged lines with their numbers', () => {
    const d = lineDiff('第一条\n第二条 旧\n第三条', '第一条\n第二条 新\n第三条\n第四条');
    expect(d.map((l) => `${l.op}:${l.text}:${l.oldLine ?? '-'}:${l.newLine ?? '-'}`)).toEqual([
      'EQUAL:第一条:1:1',
      'REMOVED:第二条 旧:2:-',
      'ADDED:第二条 新:-:2',
      'EQUAL:第三条:3:3',
      'ADDED:第四条:-:4',
    ]);
  });
  it('reports identical texts as all equal', () => {
    expect(lineDiff('a\nb', 'a\nb').every((l) => l.op === 'EQUAL')).toBe(true);
  });
});

describe('R-DEC-11 withdrawal', () => {
  it('is refused while the proposal is on the agenda of a meeting still recording', () => {
    expect(withdrawalViolations({ openMeeting: null })).toEqual([]);
    const v = withdrawalViolations({ openMeeting: '2026年第3次主任办公会议' });
    expect(codes(v)).toEqual(['R-DEC-11:ON_OPEN_AGENDA']);
    expect(v[0]!.message).toContain('2026年第3次主任办公会议');
  });
});
