import fc from 'fast-check';
import { DEFAULT_RULES } from '../../src/core/config';
import type { Violation } from '../../src/core/errors';
import { directoryDateViolations } from '../../src/directory/directory-dates.rules';
import { decisionDateViolations, meetingDateViolations } from '../../src/deliberation/deliberation-dates.rules';
import { filingDateViolations, filingOutcomeDateViolations, normativeDateViolations } from '../../src/normative/normative-dates.rules';
import { FilingOutcomeKind, FilingStatus, FilingVerdict, Issuer } from '../../src/normative/normative.enums';
import { releaseDateViolations } from '../../src/normative/normative.rules';
import { FILING_WORKFLOW } from '../../src/normative/normative.workflow';
import { proposalDateViolations } from '../../src/proposal/proposal-dates.rules';

/**
 * Property-based tests of the temporal invariants (issue #11): random histories of dated events,
 * each event checked the way its use case checks it (the area's date table over the record's dates
 * after the change). The oracle of each area is written here independently, straight from the rules:
 * an event is accepted exactly when the record after it is consistent, so every accepted record is
 * consistent; time passing never makes a consistent record inconsistent; every refusal names its
 * rule and the dates it compares. Seeded; at least 1,000 histories per area.
 */

const RUNS = 1000;
const BASE = Date.parse('2026-01-01T00:00:00Z');
const day = (n: number) => new Date(BASE + n * 86_400_000).toISOString().slice(0, 10);
const plus = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const le = (a: string | null | undefined, b: string | null | undefined) => !a || !b || a <= b;
const lt = (a: string | null | undefined, b: string | null | undefined) => !a || !b || a < b;
const allLe = (xs: readonly string[], b: string | null | undefined) => xs.every((x) => le(x, b));
const last = <T>(xs: readonly T[]) => xs[xs.length - 1];

/** A date somewhere around the history (days 0…120), and a tick of the clock. */
const date = fc.integer({ min: 0, max: 120 }).map(day);
const tick = fc.record({ t: fc.constant('tick' as const), days: fc.integer({ min: 0, max: 12 }) });

/** Every refusal cites its rule at the end and names the dates it compares (two, or one when the other is missing). */
function expectNamed(violations: Violation[]) {
  for (const v of violations) {
    expect(v.message).toMatch(new RegExp(`\\(${v.rule}\\)$`));
    const dates = v.message.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    expect(dates.length).toBeGreaterThanOrEqual(v.code === 'DATE_MISSING' ? 1 : 2);
  }
}

interface Area<S, E> {
  /** The record at the start and the first "today". */
  start: fc.Arbitrary<{ state: S; today: string }>;
  events: fc.Arbitrary<E>;
  /** The use case an event stands for: the record after it and the violations its check finds, or null when the workflow has no such step now. */
  apply(state: S, e: E, today: string): { after: S; violations: Violation[] } | null;
  /** The rules, written independently. */
  consistent(state: S, today: string): boolean;
}

type Tick = { t: 'tick'; days: number };
const isTick = (e: { t: string }): e is Tick => e.t === 'tick';

function checkHistories<S, E extends { t: string }>(area: Area<S, E>, seed: number) {
  let accepted = 0;
  let refused = 0;
  fc.assert(
    fc.property(area.start, fc.array(fc.oneof(area.events, tick as unknown as fc.Arbitrary<E>), { minLength: 1, maxLength: 16 }), ({ state: s0, today: t0 }, events) => {
      let state = s0;
      let today = t0;
      expect(area.consistent(state, today)).toBe(true);
      for (const e of events) {
        if (isTick(e)) {
          today = plus(today, e.days);
          expect(area.consistent(state, today)).toBe(true); // time passing keeps a record consistent
          continue;
        }
        const r = area.apply(state, e, today);
        if (!r) continue;
        const ok = area.consistent(r.after, today);
        if (r.violations.length === 0 !== ok) {
          throw new Error(`event ${JSON.stringify(e)} on ${today} over ${JSON.stringify(state)}: check says ${JSON.stringify(r.violations)}, rules say ${ok ? 'consistent' : 'inconsistent'}`);
        }
        expectNamed(r.violations);
        if (ok) {
          state = r.after;
          accepted += 1;
        } else refused += 1;
      }
    }),
    { seed, numRuns: RUNS },
  );
  // the histories exercise both answers
  expect(accepted).toBeGreaterThan(RUNS / 2);
  expect(refused).toBeGreaterThan(RUNS / 4);
}

// ------------------------------------------------------------------ directory (R-DIR-3)

describe('temporal invariants, property-based (seeded, 1,000 histories per area)', () => {
  it('directory: the Party approval is past, publication follows it', () => {
    type S = { approved: string | null; published: string | null };
    type E = { t: 'approve'; on: string } | { t: 'publish' } | Tick;
    checkHistories<S, E>(
      {
        start: date.map((today) => ({ state: { approved: null, published: null }, today })),
        events: fc.oneof(date.map((on) => ({ t: 'approve' as const, on })), fc.constant({ t: 'publish' as const })),
        apply(s, e, today) {
          if (e.t === 'approve') return { after: { ...s, approved: e.on }, violations: directoryDateViolations({ partyApprovedOn: e.on, publishedOn: s.published }, today) };
          if (e.t === 'publish' && !s.published) return { after: { ...s, published: today }, violations: directoryDateViolations({ partyApprovedOn: s.approved, publishedOn: today }, today) };
          return null;
        },
        consistent: (s, today) => le(s.approved, today) && le(s.published, today) && le(s.approved, s.published),
      },
      20260311,
    );
  });

  // ------------------------------------------------------------------ proposal procedures and the meeting (R-DEC-3…10)

  it('proposal: procedures are past facts in their own order, and the package precedes the meeting', () => {
    type S = {
      cStart: string | null;
      cEnd: string | null;
      opinions: string[];
      hearing: { held: string; published: string; sent: string } | null;
      experts: string[];
      risks: string[];
      fair: string | null;
      legality: string | null;
      meeting: string | null;
    };
    type E =
      | { t: 'consult'; start: string; end: string }
      | { t: 'opinion'; on: string }
      | { t: 'hearing'; held: string; published: string; sent: string }
      | { t: 'expert'; on: string }
      | { t: 'risk'; on: string }
      | { t: 'fair'; on: string }
      | { t: 'issue' }
      | { t: 'agenda'; on: string }
      | { t: 'close' }
      | Tick;
    const empty: S = { cStart: null, cEnd: null, opinions: [], hearing: null, experts: [], risks: [], fair: null, legality: null, meeting: null };
    checkHistories<S, E>(
      {
        start: date.map((today) => ({ state: empty, today })),
        events: fc.oneof(
          fc.record({ t: fc.constant('consult' as const), start: date, end: date }),
          fc.record({ t: fc.constant('opinion' as const), on: date }),
          fc.record({ t: fc.constant('hearing' as const), held: date, published: date, sent: date }),
          fc.record({ t: fc.constant('expert' as const), on: date }),
          fc.record({ t: fc.constant('risk' as const), on: date }),
          fc.record({ t: fc.constant('fair' as const), on: date }),
          fc.constant({ t: 'issue' as const }),
          fc.record({ t: fc.constant('agenda' as const), on: date }),
          fc.constant({ t: 'close' as const }),
        ),
        apply(s, e, today) {
          const meetingHeldOn = s.meeting;
          const check = (facts: Parameters<typeof proposalDateViolations>[0]) => proposalDateViolations({ ...facts, meetingHeldOn }, today);
          switch (e.t) {
            case 'consult':
              return {
                after: { ...s, cStart: e.start, cEnd: e.end },
                violations: check({ consultationStartsOn: e.start, consultationEndsOn: e.end, opinionsReceivedOn: s.opinions }),
              };
            case 'opinion':
              if (!s.cStart) return null; // no consultation to receive it
              return {
                after: { ...s, opinions: [...s.opinions, e.on] },
                violations: check({ consultationStartsOn: s.cStart, consultationEndsOn: s.cEnd, opinionsReceivedOn: [...s.opinions, e.on] }),
              };
            case 'hearing':
              return {
                after: { ...s, hearing: { held: e.held, published: e.published, sent: e.sent } },
                violations: check({ hearingHeldOn: e.held, hearingParticipantsPublishedOn: e.published, hearingMaterialsSentOn: e.sent }),
              };
            case 'expert':
              return { after: { ...s, experts: [...s.experts, e.on] }, violations: check({ expertOpinionsSignedOn: [e.on] }) };
            case 'risk':
              return { after: { ...s, risks: [...s.risks, e.on] }, violations: check({ riskAssessedOn: e.on, previousRiskAssessedOn: last(s.risks) }) };
            case 'fair':
              return { after: { ...s, fair: e.on }, violations: check({ fairCompetitionReviewedOn: e.on }) };
            case 'issue': // the legality opinion, issued today (not while the proposal waits on an agenda)
              return s.meeting ? null : { after: { ...s, legality: today }, violations: [] };
            case 'agenda':
              if (s.meeting) return null;
              return {
                after: { ...s, meeting: e.on },
                violations: proposalDateViolations(
                  {
                    legalityOpinionIssuedOn: s.legality,
                    consultationStartsOn: s.cStart,
                    consultationEndsOn: s.cEnd,
                    opinionsReceivedOn: s.opinions,
                    hearingHeldOn: s.hearing?.held,
                    hearingParticipantsPublishedOn: s.hearing?.published,
                    hearingMaterialsSentOn: s.hearing?.sent,
                    expertOpinionsSignedOn: s.experts,
                    riskAssessedOn: s.risks,
                    fairCompetitionReviewedOn: s.fair,
                    meetingHeldOn: e.on,
                  },
                  today,
                ),
              };
            case 'close': // minutes finalised: the proposal leaves the agenda
              return s.meeting ? { after: { ...s, meeting: null }, violations: [] } : null;
          }
          return null;
        },
        consistent(s, today) {
          const h = s.hearing;
          const past = le(s.cStart, today) && allLe(s.opinions, today) && allLe(s.experts, today) && allLe(s.risks, today) && le(s.fair, today);
          const hearing = !h || (le(h.held, today) && le(h.published, h.held) && le(h.sent, h.held));
          const order = le(s.cStart, s.cEnd) && s.opinions.every((o) => le(s.cStart, o)) && s.risks.every((r, i) => i === 0 || s.risks[i - 1]! <= r);
          const m = s.meeting;
          const beforeMeeting =
            !m ||
            (le(s.legality, m) && lt(s.cEnd, m) && allLe(s.opinions, m) && le(h?.held, m) && allLe(s.experts, m) && allLe(s.risks, m) && le(s.fair, m));
          return past && hearing && order && beforeMeeting;
        },
      },
      20260312,
    );
  });

  // ------------------------------------------------------------------ meetings (R-DEC-11)

  it('meeting: positions, decisions and minutes are recorded on or after the meeting day', () => {
    type S = { heldOn: string; recorded: string[] };
    type E = { t: 'record' } | Tick;
    checkHistories<S, E>(
      {
        start: fc.tuple(date, date).map(([heldOn, today]) => ({ state: { heldOn, recorded: [] }, today })),
        events: fc.constant({ t: 'record' as const }),
        apply: (s, _e, today) => ({ after: { ...s, recorded: [...s.recorded, today] }, violations: meetingDateViolations(s.heldOn, today) }),
        consistent: (s) => s.recorded.every((r) => r >= s.heldOn),
      },
      20260313,
    );
  });

  // ------------------------------------------------------------------ decisions (R-DEC-12…16)

  it('decision: Party report before publication, publication after sign-off, execution and evaluation after publication, none in the future', () => {
    type S = { deliberated: string; signed: string | null; report: string | null; published: string | null; execs: string[]; evals: string[] };
    type E = { t: 'sign' } | { t: 'report'; on: string } | { t: 'publish'; on: string } | { t: 'exec'; on: string } | { t: 'eval'; on: string } | Tick;
    const facts = (s: S) => ({
      deliberatedOn: s.deliberated,
      signedOn: s.signed,
      partyReportedOn: s.report,
      publishedOn: s.published,
      executionReportsOn: s.execs,
      postEvaluationsOn: s.evals,
    });
    checkHistories<S, E>(
      {
        // the decision exists from the finalised minutes: on or after the meeting day
        start: fc.tuple(date, fc.integer({ min: 0, max: 10 })).map(([m, k]) => ({
          state: { deliberated: m, signed: null, report: null, published: null, execs: [], evals: [] },
          today: plus(m, k),
        })),
        events: fc.oneof(
          fc.constant({ t: 'sign' as const }),
          fc.record({ t: fc.constant('report' as const), on: date }),
          fc.record({ t: fc.constant('publish' as const), on: date }),
          fc.record({ t: fc.constant('exec' as const), on: date }),
          fc.record({ t: fc.constant('eval' as const), on: date }),
        ),
        apply(s, e, today) {
          const with_ = (after: S) => ({ after, violations: decisionDateViolations(facts(after), today) });
          switch (e.t) {
            case 'sign':
              return s.signed ? null : with_({ ...s, signed: today });
            case 'report':
              return with_({ ...s, report: e.on });
            case 'publish':
              return s.published ? null : with_({ ...s, published: e.on });
            case 'exec':
              return with_({ ...s, execs: [...s.execs, e.on] });
            case 'eval':
              return with_({ ...s, evals: [...s.evals, e.on] });
          }
          return null;
        },
        consistent(s, today) {
          const p = s.published;
          const follows = (xs: string[]) => xs.length === 0 || (!!p && xs.every((x) => x >= p && x <= today));
          return le(s.deliberated, s.signed) && le(s.report, today) && le(p, today) && le(s.report, p) && le(s.signed, p) && follows(s.execs) && follows(s.evals);
        },
      },
      20260314,
    );
  });

  // ------------------------------------------------------------------ normative documents (R-ND-4, R-ND-5, R-ND-9, R-ND-10)

  it('normative document: release facts are past, the release follows them, the effective date and validity fit the publication', () => {
    type S = {
      normative: boolean;
      replacesPublished: string | null;
      cStart: string | null;
      cEnd: string | null;
      fair: string | null;
      delib: string | null;
      effective: string | null;
      validUntil: string | null;
      urgent: boolean;
      legality: string | null;
      registered: string | null;
      published: string | null;
    };
    type FactKey = 'cStart' | 'cEnd' | 'fair' | 'delib' | 'effective' | 'validUntil';
    type E = { t: 'facts'; set: Partial<Record<FactKey, string | null>>; urgent?: boolean } | { t: 'register' } | { t: 'legality' } | { t: 'release'; on: string } | Tick;
    const min = DEFAULT_RULES.normative.effectiveDelayMinDays;
    const factValue = fc.option(fc.oneof(date, fc.integer({ min: 100, max: 400 }).map(day)), { nil: null });
    checkHistories<S, E>(
      {
        start: fc.tuple(fc.boolean(), fc.option(date, { nil: null }), date).map(([normative, replacesPublished, today]) => ({
          state: {
            normative,
            replacesPublished,
            cStart: null,
            cEnd: null,
            fair: null,
            delib: null,
            effective: null,
            validUntil: null,
            urgent: false,
            legality: null,
            registered: null,
            published: null,
          },
          today,
        })),
        events: fc.oneof(
          { weight: 4, arbitrary: fc.record({ t: fc.constant('facts' as const), set: fc.dictionary(fc.constantFrom<FactKey>('cStart', 'cEnd', 'fair', 'delib', 'effective', 'validUntil'), factValue), urgent: fc.option(fc.boolean(), { nil: undefined }) }) },
          { weight: 1, arbitrary: fc.constant({ t: 'register' as const }) },
          { weight: 1, arbitrary: fc.constant({ t: 'legality' as const }) },
          { weight: 2, arbitrary: fc.record({ t: fc.constant('release' as const), on: date }) },
        ),
        apply(s, e, today) {
          switch (e.t) {
            case 'facts': {
              // setReleaseFacts: the facts after the change, with the number and publication on record
              const after: S = { ...s, ...e.set, urgent: e.urgent ?? s.urgent };
              return {
                after,
                violations: normativeDateViolations(
                  {
                    publicCommentStartsOn: after.cStart,
                    publicCommentEndsOn: after.cEnd,
                    fairCompetitionReviewedOn: after.fair,
                    deliberatedOn: after.delib,
                    effectiveOn: after.effective,
                    validUntil: after.validUntil,
                    registeredOn: after.registered,
                    publishedOn: after.published,
                  },
                  { today, delayWaived: after.urgent || !after.normative },
                  DEFAULT_RULES,
                ),
              };
            }
            case 'register': // a number is given while drafting, never again
              return s.registered || s.published ? null : { after: { ...s, registered: today }, violations: [] };
            case 'legality':
              return s.published ? null : { after: { ...s, legality: today }, violations: [] };
            case 'release': {
              if (s.published) return null;
              const after = { ...s, published: e.on };
              return {
                after,
                violations: releaseDateViolations(
                  {
                    title: '办法',
                    confirmedVerdict: s.normative ? FilingVerdict.FILING_REQUIRED : FilingVerdict.NOT_REQUIRED,
                    legality: s.legality ? { conclusion: 'LAWFUL', coversCurrentText: true, issuedOn: s.legality } : null,
                    issuer: Issuer.STREET_OFFICE,
                    // the street office's own director's office meeting approved it on the recorded day
                    deliberations: s.delib
                      ? [{ agendaItemId: 'a', meetingId: 'm', meetingTitle: '主任办公会议', bodyOf: Issuer.STREET_OFFICE, heldOn: s.delib, finalised: true, outcome: 'APPROVED', outcomeLabel: '通过', deliberatedHash: 'h' }]
                      : [],
                    currentHash: 'h',
                    marketEntities: { suggested: false, terms: [], reason: null },
                    fairCompetition: null,
                    registrationNumber: s.registered ? '云湖街规〔2026〕1号' : null,
                    effectiveOn: s.effective,
                    validUntil: s.validUntil,
                    affectsBusinessesOrPublic: true,
                    publicComment: s.cStart && s.cEnd ? { startsOn: s.cStart, endsOn: s.cEnd } : null,
                    publicCommentStartsOn: s.cStart,
                    publicCommentEndsOn: s.cEnd,
                    touchesMarketEntities: false,
                    fairCompetitionReviewedOn: s.fair,
                    urgentReason: s.urgent ? '紧急' : null,
                    publicationChannel: '政务网站',
                    publishOn: e.on,
                    filingMaterials: [],
                    registeredOn: s.registered,
                    replacesPublishedOn: s.replacesPublished,
                    today,
                  },
                  DEFAULT_RULES,
                ),
              };
            }
          }
          return null;
        },
        consistent(s, today) {
          const p = s.published;
          const facts = le(s.cStart, today) && le(s.fair, today) && le(s.delib, today) && le(p, today) && le(s.cStart, s.cEnd) && le(s.effective, s.validUntil);
          if (!p) return facts;
          const release =
            lt(s.cEnd, p) && le(s.fair, p) && le(s.delib, p) && le(s.legality, p) && le(s.registered, p) && le(s.replacesPublished, p) && le(p, s.effective) && le(p, s.validUntil);
          const delay = !s.effective || s.urgent || !s.normative || s.effective >= plus(p, min);
          return facts && release && delay;
        },
      },
      20260315,
    );
  });

  it('clean-up: campaigns have started, outcomes follow the campaign and the publication', () => {
    type S = { published: string; campaigns: string[]; outcomes: { campaign: number; on: string }[] };
    type E = { t: 'campaign'; on: string } | { t: 'outcome'; campaign: number; on: string } | Tick;
    checkHistories<S, E>(
      {
        start: fc.tuple(date, date).map(([published, today]) => ({ state: { published, campaigns: [], outcomes: [] }, today: published > today ? published : today })),
        events: fc.oneof(fc.record({ t: fc.constant('campaign' as const), on: date }), fc.record({ t: fc.constant('outcome' as const), campaign: fc.nat(3), on: date })),
        apply(s, e, today) {
          if (e.t === 'campaign') {
            return { after: { ...s, campaigns: [...s.campaigns, e.on] }, violations: normativeDateViolations({ cleanupStartedOn: e.on }, { today, delayWaived: false }, DEFAULT_RULES) };
          }
          if (e.t === 'outcome') {
            const started = s.campaigns[e.campaign];
            if (!started) return null;
            return {
              after: { ...s, outcomes: [...s.outcomes, { campaign: e.campaign, on: e.on }] },
              violations: normativeDateViolations(
                { publishedOn: s.published, cleanupStartedOn: started, cleanupOutcomeOn: e.on },
                { today, delayWaived: false },
                DEFAULT_RULES,
              ),
            };
          }
          return null;
        },
        consistent: (s, today) =>
          allLe(s.campaigns, today) && s.outcomes.every((o) => o.on <= today && o.on >= s.published && o.on >= s.campaigns[o.campaign]!),
      },
      20260316,
    );
  });

  // ------------------------------------------------------------------ filing (R-ND-6, R-ND-7)

  it('filing: filed after publication, each answer of the supervising body after what it answers, none in the future', () => {
    type S = { published: string; status: FilingStatus | null; history: { kind: FilingOutcomeKind | 'FILE'; on: string }[] };
    // dates are drawn relative to today (`back` days before it, negative: after it), so that answers come often enough
    type E = { t: 'file'; back: number } | { t: 'outcome'; pick: number; back: number } | Tick;
    const back = fc.integer({ min: -3, max: 12 });
    const lastOf = (s: S, ...kinds: (FilingOutcomeKind | 'FILE')[]) => [...s.history].reverse().find((x) => kinds.includes(x.kind))?.on ?? null;
    const record = (s: S) => ({
      status: s.status!,
      filedOn: lastOf(s, 'FILE')!,
      deferredOn: lastOf(s, FilingOutcomeKind.DEFER),
      correctedOn: lastOf(s, FilingOutcomeKind.CORRECT),
      registeredOn: lastOf(s, FilingOutcomeKind.REGISTER),
      reviewedOn: lastOf(s, FilingOutcomeKind.REVIEW_NO_ISSUE, FilingOutcomeKind.REQUIRE_CORRECTION),
      correctionClosedOn: lastOf(s, FilingOutcomeKind.CLOSE_CORRECTION),
    });
    checkHistories<S, E>(
      {
        start: fc.tuple(date, fc.integer({ min: 0, max: 15 })).map(([published, k]) => ({ state: { published, status: null, history: [] }, today: plus(published, k) })),
        events: fc.oneof(
          { weight: 2, arbitrary: fc.record({ t: fc.constant('file' as const), back }) },
          { weight: 4, arbitrary: fc.record({ t: fc.constant('outcome' as const), pick: fc.nat(5), back }) }, // one of the answers the workflow allows now
        ),
        apply(s, e, today) {
          if (e.t === 'file') {
            if (s.status) return null;
            const on = plus(today, -e.back);
            return {
              after: { ...s, status: FilingStatus.FILED, history: [{ kind: 'FILE', on }] },
              violations: filingDateViolations(s.published, { status: FilingStatus.FILED, filedOn: on }, today),
            };
          }
          if (e.t === 'outcome') {
            const allowed = s.status ? FILING_WORKFLOW.available(s.status).map((x) => x.event) : [];
            if (allowed.length === 0) return null;
            const kind = allowed[e.pick % allowed.length]!;
            const status = FILING_WORKFLOW.next(s.status!, kind);
            const on = plus(today, -e.back);
            return {
              after: { ...s, status, history: [...s.history, { kind, on }] },
              violations: filingOutcomeDateViolations(s.published, record(s), kind, on, status, today),
            };
          }
          return null;
        },
        // each step answers the one before it: the dates never go back, and start at the publication
        consistent: (s, today) => s.history.every((x, i) => x.on <= today && x.on >= (i === 0 ? s.published : s.history[i - 1]!.on)),
      },
      20260317,
    );
  });
});
