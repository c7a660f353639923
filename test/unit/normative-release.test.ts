import { loadWorkingCalendar } from '../../src/calendar/load';
import { DEFAULT_RULES, type RulesConfig } from '../../src/core/config';
import { suggestMarketEntities } from '../../src/normative/market-entities.rules';
import type { DocumentDeliberation } from '../../src/normative/normative-deliberation.port';
import { FairCompetitionResult, FilingVerdict, Issuer } from '../../src/normative/normative.enums';
import { defaultValidUntil, releaseBlockers, validityViolations, type ReleaseFacts } from '../../src/normative/normative.rules';
import {
  agendaBlockers,
  deliberationViolations,
  factCorrectionViolations,
  fairCompetitionViolations,
  marketEntitiesViolations,
  ownBodyViolations,
} from '../../src/normative/release.rules';

/**
 * Issue #11 items 6 and 7: the release gate (R-ND-4) links the issuer's own meeting, reads the
 * fair-competition conclusion and the market-entities suggestion; a document without a stated
 * validity period gets the maximum (R-ND-9) unless the locality refuses it.
 */

const cal = loadWorkingCalendar(null);
const R = DEFAULT_RULES;
const codes = (v: { rule: string; code: string }[]) => v.map((x) => `${x.rule}:${x.code}`);
const refuse: RulesConfig = { ...R, normative: { ...R.normative, validityWithoutPeriod: 'REFUSE' } };

const APPROVED: DocumentDeliberation = {
  agendaItemId: 'a1',
  meetingId: 'm1',
  meetingTitle: '2026年第3次主任办公会议',
  bodyOf: Issuer.STREET_OFFICE,
  heldOn: '2026-03-02',
  finalised: true,
  outcome: 'APPROVED',
  outcomeLabel: '同意',
  deliberatedHash: 'h2',
};

const READY: ReleaseFacts = {
  title: '白云湖街出租屋消防安全管理办法',
  issuer: Issuer.STREET_OFFICE,
  confirmedVerdict: FilingVerdict.FILING_REQUIRED,
  legality: { conclusion: 'LAWFUL', coversCurrentText: true },
  deliberations: [APPROVED],
  currentHash: 'h2',
  registrationNumber: '云湖街规〔2026〕1号',
  effectiveOn: '2026-04-10',
  validUntil: '2031-04-09',
  affectsBusinessesOrPublic: true,
  publicComment: { startsOn: '2026-01-20', endsOn: '2026-02-18' },
  touchesMarketEntities: false,
  marketEntities: { suggested: false, terms: [], reason: null },
  fairCompetition: null,
  urgentReason: null,
  publicationChannel: '白云湖街政务网站',
  publishOn: '2026-03-10',
  filingMaterials: ['FILING_REPORT', 'OFFICIAL_TEXT', 'DRAFTING_EXPLANATION', 'LEGAL_BASIS_STATEMENT'],
};

describe('R-ND-4 collective deliberation: a finalised approving decision of the issuer’s own body', () => {
  const gate = (patch: Partial<ReleaseFacts>) => codes(releaseBlockers({ ...READY, ...patch }, R, cal));

  it('passes with the director’s office meeting’s approval for a street-office document', () => {
    expect(releaseBlockers(READY, R, cal)).toEqual([]);
  });

  it('needs a meeting: no agenda item, no deliberation', () => {
    expect(gate({ deliberations: [] })).toEqual(['R-ND-4:DELIBERATION_MISSING']);
    expect(releaseBlockers({ ...READY, deliberations: [] }, R, cal)[0]!.message).toContain('主任办公会议');
  });

  it('counts only the issuer’s own body: the Party working committee’s meeting does not decide a street-office document', () => {
    const other = { ...APPROVED, bodyOf: Issuer.PARTY_WORKING_COMMITTEE, meetingTitle: '2026年第2次党工委会议' };
    expect(gate({ deliberations: [other] })).toEqual(['R-ND-4:DELIBERATION_MISSING']);
    // and the other way round: a Party document needs the Party working committee meeting
    expect(gate({ issuer: Issuer.PARTY_WORKING_COMMITTEE })).toEqual(['R-ND-4:DELIBERATION_MISSING']);
    expect(gate({ issuer: Issuer.PARTY_WORKING_COMMITTEE, deliberations: [other] })).toEqual([]);
  });

  it('needs finalised minutes: a decision of a meeting still recording does not count', () => {
    const open = { ...APPROVED, finalised: false };
    expect(gate({ deliberations: [open] })).toEqual(['R-ND-4:DELIBERATION_MISSING']);
    expect(releaseBlockers({ ...READY, deliberations: [open] }, R, cal)[0]!.message).toContain('纪要尚未定稿');
  });

  it('needs the meeting held on or before the release', () => {
    expect(gate({ deliberations: [{ ...APPROVED, heldOn: '2026-03-10' }] })).toEqual([]);
    expect(gate({ deliberations: [{ ...APPROVED, heldOn: '2026-03-11' }] })).toEqual(['R-ND-4:DELIBERATION_AFTER_RELEASE']);
  });

  it('needs an approval: the latest decision of the body counts, a deferral changes nothing', () => {
    const rejected = { ...APPROVED, agendaItemId: 'a2', heldOn: '2026-03-05', outcome: 'NOT_APPROVED' as const, outcomeLabel: '退回修改' };
    expect(gate({ deliberations: [rejected] })).toEqual(['R-ND-4:DELIBERATION_NOT_APPROVED']);
    expect(gate({ deliberations: [APPROVED, rejected] })).toEqual(['R-ND-4:DELIBERATION_NOT_APPROVED']);
    expect(gate({ deliberations: [rejected, { ...APPROVED, heldOn: '2026-03-08' }] })).toEqual([]);
    const deferred = { ...APPROVED, agendaItemId: 'a3', heldOn: '2026-03-06', outcome: 'DEFERRED' as const, outcomeLabel: '暂缓' };
    expect(gate({ deliberations: [APPROVED, deferred] })).toEqual([]);
    expect(gate({ deliberations: [deferred] })).toEqual(['R-ND-4:DELIBERATION_MISSING']);
  });

  it('releases the text the meeting approved; after 修改后通过 the text may change', () => {
    expect(gate({ currentHash: 'h3' })).toEqual(['R-ND-4:DELIBERATED_TEXT_CHANGED']);
    expect(gate({ currentHash: 'h3', deliberations: [{ ...APPROVED, outcome: 'APPROVED_WITH_CHANGES', outcomeLabel: '原则同意，按意见修改' }] })).toEqual([]);
  });

  it('is the same function the release gate calls', () => {
    expect(codes(deliberationViolations({ issuer: Issuer.STREET_OFFICE, deliberations: [], currentHash: 'h2', publishOn: '2026-03-10' }))).toEqual([
      'R-ND-4:DELIBERATION_MISSING',
    ]);
  });
});

describe('R-ND-4 a document goes on the agenda of its issuer’s own body, reviewed and not unlawful', () => {
  const ready = {
    legality: { conclusion: 'LAWFUL', coversCurrentText: true },
    touchesMarketEntities: true,
    marketEntities: { suggested: true, terms: ['补贴'], reason: null },
    fairCompetition: { conclusion: FairCompetitionResult.COMPLIANT },
  };

  it('refuses the other body’s meeting', () => {
    expect(ownBodyViolations(Issuer.STREET_OFFICE, Issuer.STREET_OFFICE)).toEqual([]);
    expect(codes(ownBodyViolations(Issuer.STREET_OFFICE, Issuer.PARTY_WORKING_COMMITTEE))).toEqual(['R-ND-4:WRONG_BODY']);
    expect(ownBodyViolations(Issuer.STREET_OFFICE, Issuer.PARTY_WORKING_COMMITTEE)[0]!.message).toContain('主任办公会议');
  });

  it('lists every blocker at once: legality review, fair-competition review, the market-entities flag', () => {
    expect(agendaBlockers(ready)).toEqual([]);
    expect(codes(agendaBlockers({ ...ready, legality: null }))).toEqual(['R-ND-4:LEGALITY_REVIEW_MISSING']);
    expect(codes(agendaBlockers({ ...ready, legality: { conclusion: 'UNLAWFUL', coversCurrentText: true } }))).toEqual(['R-ND-4:LEGALITY_UNLAWFUL']);
    expect(codes(agendaBlockers({ ...ready, legality: { conclusion: 'LAWFUL', coversCurrentText: false } }))).toEqual(['R-ND-4:LEGALITY_NOT_ON_FINAL_TEXT']);
    expect(
      codes(agendaBlockers({ legality: null, touchesMarketEntities: false, marketEntities: { suggested: true, terms: ['补贴'], reason: null }, fairCompetition: null })),
    ).toEqual(['R-ND-4:LEGALITY_REVIEW_MISSING', 'R-ND-4:MARKET_ENTITIES_REASON_REQUIRED']);
    expect(codes(agendaBlockers({ ...ready, fairCompetition: { conclusion: FairCompetitionResult.NEEDS_CHANGE } }))).toEqual(['R-ND-4:FAIR_COMPETITION_UNRESOLVED']);
  });
});

describe('R-ND-4 fair-competition review: its conclusion decides', () => {
  const touches = (conclusion: FairCompetitionResult | null) =>
    codes(fairCompetitionViolations({ touchesMarketEntities: true, fairCompetition: conclusion ? { conclusion } : null }));

  it('passes only a compliant review; needs-change is unresolved; non-compliant may not be issued', () => {
    expect(touches(FairCompetitionResult.COMPLIANT)).toEqual([]);
    expect(touches(null)).toEqual(['R-ND-4:FAIR_COMPETITION_MISSING']);
    expect(touches(FairCompetitionResult.NEEDS_CHANGE)).toEqual(['R-ND-4:FAIR_COMPETITION_UNRESOLVED']);
    expect(touches(FairCompetitionResult.NON_COMPLIANT)).toEqual(['R-ND-4:FAIR_COMPETITION_NON_COMPLIANT']);
    expect(fairCompetitionViolations({ touchesMarketEntities: false, fairCompetition: null })).toEqual([]);
  });

  it('blocks the release the same way', () => {
    const market = { touchesMarketEntities: true, marketEntities: { suggested: true, terms: ['补贴'], reason: null } };
    expect(codes(releaseBlockers({ ...READY, ...market, fairCompetition: { conclusion: FairCompetitionResult.NEEDS_CHANGE } }, R, cal))).toEqual([
      'R-ND-4:FAIR_COMPETITION_UNRESOLVED',
    ]);
    expect(codes(releaseBlockers({ ...READY, ...market, fairCompetition: { conclusion: FairCompetitionResult.NON_COMPLIANT } }, R, cal))).toEqual([
      'R-ND-4:FAIR_COMPETITION_NON_COMPLIANT',
    ]);
    expect(releaseBlockers({ ...READY, ...market, fairCompetition: { conclusion: FairCompetitionResult.COMPLIANT } }, R, cal)).toEqual([]);
  });
});

describe('R-ND-4 touches market entities: suggested from the text, an override needs a reason', () => {
  it('suggests it from subsidies, qualifications, market access, tendering and procurement, in title or text', () => {
    expect(suggestMarketEntities('白云湖街出租屋消防安全管理办法', '出租人应当配置灭火器材，不得将仓库出租用于居住。')).toEqual({ suggested: false, terms: [] });
    const s = suggestMarketEntities('白云湖街电竞产业扶持办法', '符合条件的企业可以申请补贴；具备相应资质的，通过政府采购或者招标确定承办单位。');
    expect(s.suggested).toBe(true);
    expect(s.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['补贴', '资质', '采购', '招标', '企业']));
    expect(s.terms.find((t) => t.term === '补贴')).toMatchObject({ where: 'TEXT', excerpt: expect.stringContaining('申请补贴') });
    expect(suggestMarketEntities('关于放宽市场准入的实施意见', '第一条').terms).toEqual([expect.objectContaining({ where: 'TITLE', term: '准入' })]);
  });

  it('needs a reason to depart from the suggestion, either way', () => {
    expect(marketEntitiesViolations({ touchesMarketEntities: true, suggested: true, terms: ['补贴'], reason: null })).toEqual([]);
    expect(marketEntitiesViolations({ touchesMarketEntities: false, suggested: false, terms: [], reason: null })).toEqual([]);
    const v = marketEntitiesViolations({ touchesMarketEntities: false, suggested: true, terms: ['补贴', '采购'], reason: '  ' });
    expect(codes(v)).toEqual(['R-ND-4:MARKET_ENTITIES_REASON_REQUIRED']);
    expect(v[0]!.message).toContain('补贴、采购');
    expect(codes(marketEntitiesViolations({ touchesMarketEntities: true, suggested: false, terms: [], reason: null }))).toEqual(['R-ND-4:MARKET_ENTITIES_REASON_REQUIRED']);
    expect(marketEntitiesViolations({ touchesMarketEntities: false, suggested: true, terms: ['补贴'], reason: '补贴仅面向个人，不涉及经营者' })).toEqual([]);
  });

  it('blocks the release while the flag departs from the suggestion without a reason', () => {
    expect(codes(releaseBlockers({ ...READY, marketEntities: { suggested: true, terms: ['补贴'], reason: null } }, R, cal))).toEqual([
      'R-ND-4:MARKET_ENTITIES_REASON_REQUIRED',
    ]);
  });
});

describe('R-ND-4 corrections before release', () => {
  it('keeps the issuer once the unified number is assigned (its sequence is the issuer’s, R-ND-5)', () => {
    expect(factCorrectionViolations({ registrationNumber: null, issuerChanged: true })).toEqual([]);
    expect(factCorrectionViolations({ registrationNumber: '云湖街规〔2026〕1号', issuerChanged: false })).toEqual([]);
    expect(codes(factCorrectionViolations({ registrationNumber: '云湖街规〔2026〕1号', issuerChanged: true }))).toEqual(['R-ND-5:ISSUER_FIXED_BY_NUMBER']);
  });
});

describe('R-ND-9 validity without a stated period', () => {
  it('applies the maximum by default: 5 years from the effective date, 2 for 暂行/试行', () => {
    expect(R.normative.validityWithoutPeriod).toBe('MAXIMUM');
    expect(releaseBlockers({ ...READY, validUntil: null }, R, cal)).toEqual([]);
    expect(defaultValidUntil({ title: READY.title, effectiveOn: '2026-04-10' }, R)).toBe('2031-04-09');
    expect(defaultValidUntil({ title: '白云湖街电竞扶持试行办法', effectiveOn: '2026-04-10' }, R)).toBe('2028-04-09');
    expect(defaultValidUntil({ title: READY.title, effectiveOn: null }, R)).toBeNull();
  });

  it('still needs the effective date the period runs from', () => {
    expect(codes(releaseBlockers({ ...READY, effectiveOn: null, validUntil: null }, R, cal))).toEqual(['R-ND-4:EFFECTIVE_DATE_MISSING']);
  });

  it('refuses a release without a stated period where the locality keeps today’s policy (REFUSE)', () => {
    expect(codes(releaseBlockers({ ...READY, validUntil: null }, refuse, cal))).toEqual(['R-ND-9:VALIDITY_MISSING']);
    expect(defaultValidUntil({ title: READY.title, effectiveOn: '2026-04-10' }, refuse)).toBeNull();
    expect(validityViolations({ title: READY.title, effectiveOn: '2026-04-10', validUntil: '2031-04-09' }, refuse)).toEqual([]);
  });
});
