import { loadWorkingCalendar } from '../../src/calendar/load';
import { DEFAULT_RULES, loadConfig } from '../../src/core/config';
import { Role } from '../../src/core/roles';
import { DocumentState, FilingFlagKind, Issuer, FilingOutcomeKind, FilingStatus, FilingVerdict } from '../../src/normative/normative.enums';
import {
  documentFlags,
  filingDueOn,
  filingObligationViolations,
  isExpired,
  isOverdue,
  registrationViolations,
  latestValidUntil,
  maxValidityYears,
  releaseBlockers,
  sortFlags,
  validityViolations,
  type FlagFacts,
  type ReleaseFacts,
} from '../../src/normative/normative.rules';
import { FILING_WORKFLOW, NORMATIVE_WORKFLOW } from '../../src/normative/normative.workflow';

const cal = loadWorkingCalendar(null);
const R = DEFAULT_RULES;
const codes = (v: { rule: string; code: string }[]) => v.map((x) => `${x.rule}:${x.code}`);

const READY: ReleaseFacts = {
  title: '白云湖街出租屋消防安全管理办法',
  issuer: Issuer.STREET_OFFICE,
  confirmedVerdict: FilingVerdict.FILING_REQUIRED,
  legality: { conclusion: 'LAWFUL', coversCurrentText: true },
  // 2026年第3次主任办公会议 approved this text (R-ND-4): the agenda item, through the deliberation port.
  deliberations: [
    {
      agendaItemId: 'a1',
      meetingId: 'm1',
      meetingTitle: '2026年第3次主任办公会议',
      bodyOf: Issuer.STREET_OFFICE,
      heldOn: '2026-03-02',
      finalised: true,
      outcome: 'APPROVED',
      outcomeLabel: '同意',
      deliberatedHash: 'h1',
    },
  ],
  currentHash: 'h1',
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

describe('R-ND-4 release gate', () => {
  it('passes a ready document', () => {
    expect(releaseBlockers(READY, R, cal)).toEqual([]);
  });

  it.each([
    [{ confirmedVerdict: null }, ['R-ND-2:ASSESSMENT_UNCONFIRMED']],
    [{ legality: null }, ['R-ND-4:LEGALITY_REVIEW_MISSING']],
    [{ legality: { conclusion: 'UNLAWFUL', coversCurrentText: true } }, ['R-ND-4:LEGALITY_UNLAWFUL']],
    [{ legality: { conclusion: 'LAWFUL', coversCurrentText: false } }, ['R-ND-4:LEGALITY_NOT_ON_FINAL_TEXT']],
    [{ deliberations: [] }, ['R-ND-4:DELIBERATION_MISSING']],
    [{ registrationNumber: null }, ['R-ND-5:REGISTRATION_MISSING']],
    [{ validUntil: '2031-04-10' }, ['R-ND-9:VALIDITY_TOO_LONG']],
    [{ title: '白云湖街出租屋消防安全管理暂行办法', validUntil: '2028-04-10' }, ['R-ND-9:VALIDITY_TOO_LONG']],
    [{ publicComment: { startsOn: '2026-01-20', endsOn: '2026-02-17' } }, ['R-ND-4:PUBLIC_COMMENT_TOO_SHORT']],
    [{ publicComment: null }, ['R-ND-4:PUBLIC_COMMENT_MISSING']],
    [{ touchesMarketEntities: true, marketEntities: { suggested: true, terms: ['补贴'], reason: null } }, ['R-ND-4:FAIR_COMPETITION_MISSING']],
    [{ publishOn: '2026-03-12' }, ['R-ND-4:EFFECTIVE_TOO_SOON']],
    [{ publicationChannel: null }, ['R-ND-4:NOT_PUBLISHED']],
    [{ filingMaterials: ['FILING_REPORT'] }, ['R-ND-6:FILING_MATERIAL_MISSING', 'R-ND-6:FILING_MATERIAL_MISSING', 'R-ND-6:FILING_MATERIAL_MISSING']],
  ])('blocks on %j', (patch, expected) => {
    expect(codes(releaseBlockers({ ...READY, ...(patch as Partial<ReleaseFacts>) }, R, cal))).toEqual(expected);
  });

  it('refuses a release without a stated validity period only under the REFUSE policy (R-ND-9)', () => {
    const refuse = { ...R, normative: { ...R.normative, validityWithoutPeriod: 'REFUSE' as const } };
    expect(codes(releaseBlockers({ ...READY, validUntil: null }, refuse, cal))).toEqual(['R-ND-9:VALIDITY_MISSING']);
    expect(releaseBlockers({ ...READY, validUntil: null }, R, cal)).toEqual([]); // the maximum applies by default
  });

  it('accepts an early effective date with an urgent reason, and 7 working days of comment where the public is not affected', () => {
    expect(releaseBlockers({ ...READY, publishOn: '2026-03-12', urgentReason: '防汛形势紧迫' }, R, cal)).toEqual([]);
    // 7 working days: Mon 2 – Tue 10 March 2026
    // (published the day after the comment closed: 征求意见结束后方可公布)
    expect(
      releaseBlockers({ ...READY, affectsBusinessesOrPublic: false, publicComment: { startsOn: '2026-03-02', endsOn: '2026-03-10' }, publishOn: '2026-03-11' }, R, cal),
    ).toEqual([]);
    expect(
      codes(releaseBlockers({ ...READY, affectsBusinessesOrPublic: false, publicComment: { startsOn: '2026-03-02', endsOn: '2026-03-09' } }, R, cal)),
    ).toEqual(['R-ND-4:PUBLIC_COMMENT_TOO_SHORT']);
  });

  it('does not gate a document confirmed as not normative', () => {
    expect(releaseBlockers({ ...READY, confirmedVerdict: FilingVerdict.NOT_REQUIRED, legality: null, registrationNumber: null }, R, cal)).toEqual([]);
  });
});

describe('R-ND-9 validity', () => {
  it('allows 5 years, 2 for 暂行/试行, with a configurable maximum', () => {
    expect(maxValidityYears('白云湖街出租屋消防安全管理办法', R)).toBe(5);
    expect(maxValidityYears('白云湖街电竞扶持试行办法', R)).toBe(2);
    expect(latestValidUntil('2026-04-10', 5)).toBe('2031-04-09');
    expect(latestValidUntil('2028-02-29', 1)).toBe('2029-02-27');
    expect(validityViolations({ title: '暂行规定', effectiveOn: '2026-04-10', validUntil: '2028-04-09' }, R)).toEqual([]);
    const rules = loadConfig({}).rules;
    expect(validityViolations({ title: '规定', effectiveOn: '2026-04-10', validUntil: '2026-04-01' }, rules)[0]!.code).toBe('VALIDITY_INVALID');
  });
  it('expires the day after the end of the period', () => {
    expect(isExpired('2031-04-09', '2031-04-09')).toBe(false);
    expect(isExpired('2031-04-09', '2031-04-10')).toBe(true);
  });
});

describe('R-ND-6…8 filing deadlines and flags', () => {
  const released = (over: Partial<FlagFacts> = {}): FlagFacts => ({
    id: 'd1',
    title: '通告',
    registrationNumber: '云湖街规〔2026〕1号',
    released: true,
    publishedOn: '2026-03-10',
    confirmedVerdict: FilingVerdict.FILING_REQUIRED,
    redFlagCount: 2,
    validUntil: '2031-04-09',
    filing: null,
    ...over,
  });
  const kinds = (f: FlagFacts, today: string) => documentFlags(f, today, R, 7).map((x) => x.kind);

  it('counts 30 calendar days from publication: day 30 on time, day 31 overdue', () => {
    expect(filingDueOn('2026-03-10', R)).toBe('2026-04-09');
    expect(kinds(released(), '2026-04-01')).toEqual([]);
    expect(kinds(released(), '2026-04-02')).toEqual(['FILING_DUE_SOON']);
    expect(kinds(released(), '2026-04-09')).toEqual(['FILING_DUE_SOON']);
    expect(kinds(released(), '2026-04-10')).toEqual(['FILING_OVERDUE']);
    const filed = (filedOn: string) => ({ filedOn, status: FilingStatus.REGISTERED, materials: R.normative.filingMaterials, deferredOn: null, correctedOn: null });
    expect(kinds(released({ filing: filed('2026-04-09') }), '2026-05-01')).toEqual([]);
    expect(kinds(released({ filing: filed('2026-04-10') }), '2026-05-01')).toEqual(['FILED_LATE']);
  });

  it('gives a deferral 15 days: corrected on day 16 is flagged', () => {
    const deferred = (correctedOn: string | null, status = FilingStatus.FILED) => ({
      filedOn: '2026-03-20',
      status,
      materials: R.normative.filingMaterials,
      deferredOn: '2026-03-25',
      correctedOn,
    });
    expect(kinds(released({ filing: deferred('2026-04-09') }), '2026-05-01')).toEqual([]);
    expect(kinds(released({ filing: deferred('2026-04-10') }), '2026-05-01')).toEqual(['CORRECTED_LATE']);
    expect(kinds(released({ filing: deferred(null, FilingStatus.DEFERRED) }), '2026-04-09')).toEqual([]);
    expect(kinds(released({ filing: deferred(null, FilingStatus.DEFERRED) }), '2026-04-10')).toEqual(['DEFERRAL_OVERDUE']);
  });

  it('flags possible missed filings, unconfirmed releases, missing materials and evaluation windows', () => {
    expect(kinds(released({ confirmedVerdict: FilingVerdict.NOT_REQUIRED }), '2026-04-01')).toEqual(['POSSIBLE_MISSED_FILING']);
    expect(kinds(released({ confirmedVerdict: FilingVerdict.NOT_REQUIRED, redFlagCount: 0 }), '2026-04-01')).toEqual([]);
    expect(kinds(released({ confirmedVerdict: null }), '2026-04-01')).toEqual(['RELEASED_UNCONFIRMED']);
    expect(
      kinds(released({ filing: { filedOn: '2026-03-20', status: FilingStatus.FILED, materials: ['FILING_REPORT'], deferredOn: null, correctedOn: null } }), '2026-04-01'),
    ).toEqual(['MATERIALS_MISSING']);
    expect(kinds(released(), '2030-10-09')).toEqual(['FILING_OVERDUE', 'EVALUATION_DUE']);
  });

  it('sorts by urgency, then due date', () => {
    const flags = [
      ...documentFlags(released({ id: 'b' }), '2026-04-05', R, 7),
      ...documentFlags(released({ id: 'a', publishedOn: '2026-02-01' }), '2026-04-05', R, 7),
      ...documentFlags(released({ id: 'c', confirmedVerdict: FilingVerdict.NOT_REQUIRED }), '2026-04-05', R, 7),
    ];
    expect(sortFlags(flags).map((f) => `${f.documentId}:${f.kind}`)).toEqual(['a:FILING_OVERDUE', 'c:POSSIBLE_MISSED_FILING', 'b:FILING_DUE_SOON']);
  });
});

describe('R-ND-5, R-ND-6 registration and filing need a confirmed normative document', () => {
  it('numbers and files only documents confirmed as FILING_REQUIRED', () => {
    expect(registrationViolations(FilingVerdict.FILING_REQUIRED)).toEqual([]);
    expect(filingObligationViolations(FilingVerdict.FILING_REQUIRED)).toEqual([]);
    for (const v of [FilingVerdict.NOT_REQUIRED, FilingVerdict.NEEDS_CONFIRMATION, null]) {
      expect(codes(registrationViolations(v))).toEqual(['R-ND-5:NOT_NORMATIVE']);
      expect(codes(filingObligationViolations(v))).toEqual(['R-ND-6:FILING_NOT_REQUIRED']);
    }
  });

  it('counts overdue filings and deferrals as overdue, nothing else', () => {
    expect(Object.values(FilingFlagKind).filter((kind) => isOverdue({ kind }))).toEqual([FilingFlagKind.FILING_OVERDUE, FilingFlagKind.DEFERRAL_OVERDUE]);
  });
});

describe('normative document state machine (R-ND-4, R-ND-10)', () => {
  it('has one transition per event; work on the text and the gate happens only in drafting', () => {
    const events = NORMATIVE_WORKFLOW.transitions.map((t) => t.event);
    expect(new Set(events).size).toBe(events.length);
    for (const event of ['ADD_VERSION', 'ASSESS', 'CONFIRM_ASSESSMENT', 'SET_RELEASE_FACTS', 'REQUEST_NORMATIVE_REVIEW', 'REGISTER_NUMBER', 'RELEASE'] as const) {
      expect(NORMATIVE_WORKFLOW.violations(DocumentState.DRAFTING, event)).toEqual([]);
      for (const state of [DocumentState.RELEASED, DocumentState.AMENDED, DocumentState.REPEALED]) expect(NORMATIVE_WORKFLOW.violations(state, event)).toHaveLength(1);
    }
    expect(codes(NORMATIVE_WORKFLOW.violations(DocumentState.RELEASED, 'ADD_VERSION'))).toEqual(['R-ND-4:INVALID_STATE']);
    expect(codes(NORMATIVE_WORKFLOW.violations(DocumentState.RELEASED, 'REGISTER_NUMBER'))).toEqual(['R-ND-5:INVALID_STATE']);
  });

  it('releases a draft; a released document ends by replacement or repeal, never twice', () => {
    expect(NORMATIVE_WORKFLOW.next(DocumentState.DRAFTING, 'RELEASE')).toBe(DocumentState.RELEASED);
    expect(NORMATIVE_WORKFLOW.next(DocumentState.RELEASED, 'AMEND')).toBe(DocumentState.AMENDED);
    expect(NORMATIVE_WORKFLOW.next(DocumentState.RELEASED, 'REPEAL')).toBe(DocumentState.REPEALED);
    expect(NORMATIVE_WORKFLOW.next(DocumentState.RELEASED, 'CLEANUP')).toBe(DocumentState.RELEASED);
    expect(codes(NORMATIVE_WORKFLOW.violations(DocumentState.DRAFTING, 'AMEND'))).toEqual(['R-ND-4:INVALID_STATE']);
    expect(codes(NORMATIVE_WORKFLOW.violations(DocumentState.REPEALED, 'AMEND'))).toEqual(['R-ND-4:INVALID_STATE']);
    expect(codes(NORMATIVE_WORKFLOW.violations(DocumentState.AMENDED, 'REPEAL'))).toEqual(['R-ND-10:INVALID_STATE']);
    expect(codes(NORMATIVE_WORKFLOW.violations(DocumentState.DRAFTING, 'RECORD_FILING'))).toEqual(['R-ND-6:INVALID_STATE']);
  });

  it('offers each role its own actions', () => {
    const actions = (state: DocumentState, roles: Role[]) => NORMATIVE_WORKFLOW.available(state, { roles }).map((t) => t.event);
    expect(actions(DocumentState.DRAFTING, [Role.DRAFTER])).toEqual(['ADD_VERSION', 'SET_RELEASE_FACTS', 'CORRECT_FACTS', 'RECORD_FAIR_COMPETITION', 'REQUEST_NORMATIVE_REVIEW', 'ADD_MATERIAL', 'PREPARE_FILING_MATERIAL']);
    expect(actions(DocumentState.RELEASED, [Role.ADMIN])).toEqual(['PREPARE_FILING_MATERIAL', 'AMEND']);
    expect(actions(DocumentState.REPEALED, [Role.FILING_OFFICER])).toEqual(['PREPARE_FILING_MATERIAL']);
    expect(actions(DocumentState.RELEASED, [Role.LEGAL_ADVISOR])).toEqual([]);
  });
});

describe('filing state machine (R-ND-7)', () => {
  const cases: [FilingStatus, FilingOutcomeKind, FilingStatus][] = [
    [FilingStatus.FILED, FilingOutcomeKind.REGISTER, FilingStatus.REGISTERED],
    [FilingStatus.FILED, FilingOutcomeKind.DEFER, FilingStatus.DEFERRED],
    [FilingStatus.DEFERRED, FilingOutcomeKind.CORRECT, FilingStatus.FILED],
    [FilingStatus.REGISTERED, FilingOutcomeKind.REVIEW_NO_ISSUE, FilingStatus.REVIEWED_NO_ISSUE],
    [FilingStatus.REGISTERED, FilingOutcomeKind.REQUIRE_CORRECTION, FilingStatus.CORRECTION_REQUIRED],
    [FilingStatus.CORRECTION_REQUIRED, FilingOutcomeKind.CLOSE_CORRECTION, FilingStatus.CORRECTION_CLOSED],
  ];

  it.each(cases)('%s —%s→ %s', (from, outcome, to) => {
    expect(FILING_WORKFLOW.next(from, outcome)).toBe(to);
  });

  it('refuses every other answer with R-ND-7, and every answer once the review is over', () => {
    for (const from of Object.values(FilingStatus)) {
      for (const outcome of Object.values(FilingOutcomeKind)) {
        if (cases.some(([f, o]) => f === from && o === outcome)) continue;
        expect(codes(FILING_WORKFLOW.violations(from, outcome))).toEqual(['R-ND-7:INVALID_STATE']);
      }
    }
    expect(FILING_WORKFLOW.available(FilingStatus.REVIEWED_NO_ISSUE)).toEqual([]);
    expect(FILING_WORKFLOW.available(FilingStatus.CORRECTION_CLOSED)).toEqual([]);
    expect(FILING_WORKFLOW.available(FilingStatus.FILED, { roles: [Role.DRAFTER] })).toEqual([]);
  });
});
