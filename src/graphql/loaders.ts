import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { PageLimits } from '../core/page';
import { childPages, type ChildPageSpec } from '../db/child-pages';
import { lazyMembers } from '../core/lazy';
import { columnsLoader, rowReader, rowsById, type Wanted } from '../db/rows';
import { Material } from '../content/material.entity';
import { TextVersion } from '../content/text-version.entity';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import { DecisionDirectory, DirectoryAdjustment, DirectoryItem } from '../directory/directory.entity';
import {
  ConsultationOpinion,
  ExpertOpinion,
  FairCompetitionReview,
  Hearing,
  PublicConsultation,
  RiskAssessment,
} from '../proposal/procedure.entity';
import { DecisionProposal, ProposalAlternative, ProposalDisagreement } from '../proposal/proposal.entity';
import { Contract } from '../contract/contract.entity';
import { LegalOpinion, OpinionAspect, OpinionConfirmation, OpinionFinding } from '../review/opinion.entity';
import { CleanupEntry, Filing, FilingMaterial, NormativeDocument, NormativeFairCompetitionReview } from '../normative/normative.entity';
import { AgendaItem, Decision, ExecutionReport, Meeting, MeetingCorrection, MeetingMember, MemberPosition, PostEvaluation } from '../deliberation/deliberation.entity';
import { ReviewRequest } from '../review/review-request.entity';
import { BodyHeadship, BodyMembership, StandingBody } from '../deliberation/body.entity';
import { DecisionAmendment } from '../deliberation/amendment.entity';
import { Notification } from '../notifications/notification.entity';
import { EnforcementCase, EnforcementEvidence, EnforcementOfficer, EnforcementProcedureRecord } from '../enforcement/enforcement.entity';

/**
 * Loads plain rows (src/db/rows.ts) by id in one `where id in (...)` per batch, with the columns of
 * every caller in it, in key order (null for a missing id). One loader per table per request: never
 * a query per parent row. `wanted` names the long columns the caller's selection needs
 * (selection.ts); without it, every column but the lazy ones.
 */
export function entityLoader<T extends { id: string }>(em: EntityManager, entity: EntityName<T>) {
  return columnsLoader<T | null>(
    rowReader(em, entity),
    async (ids, wanted) => new Map((await rowsById(em, entity, ids, wanted)).map((row) => [row.id, row])),
    () => null,
  );
}

/** What a request's loaders are built from. */
interface Scope {
  em: EntityManager;
  limits: PageLimits;
}

const pages =
  <T extends { id: string }>(entity: EntityName<T>, spec: ChildPageSpec) =>
  ({ em, limits }: Scope) =>
    childPages(em, entity, spec, limits);

/**
 * The loaders of one request, each built on first use (src/core/lazy.ts): a request reads through a
 * handful of these, and building them all (DataLoaders, closures, maps) cost every request, `me` too.
 */
const LOADERS = {
  departmentById: ({ em }: Scope) => entityLoader(em, Department),
  userById: ({ em }: Scope) => entityLoader(em, User),
  /** A delivery's notice (admins' deliveries screen). */
  notificationById: ({ em }: Scope) => entityLoader(em, Notification),
  directoryById: ({ em }: Scope) => entityLoader(em, DecisionDirectory),
  directoryItemById: ({ em }: Scope) => entityLoader(em, DirectoryItem),
  /** A directory's items by number, paged. */
  directoryItemPages: pages(DirectoryItem, { parent: 'directory', sort: { field: 'seq', kind: 'number' } }),
  /** A directory's adjustments, oldest first, paged. */
  directoryAdjustmentPages: pages(DirectoryAdjustment, { parent: 'directory', sort: { field: 'recordedAt', kind: 'date' } }),
  textVersionById: ({ em }: Scope) => entityLoader(em, TextVersion),
  versionText: ({ em }: Scope) => lazyTextLoader(em, TextVersion, 'text'),
  materialText: ({ em }: Scope) => lazyTextLoader(em, Material, 'text'),
  /** One owner's version by number (the current draft of many proposals in one statement). */
  versionByNumber: ({ em }: Scope) => versionByNumberLoader(em),
  /** The versions of an owner kind's texts, oldest first, paged. */
  versionsOf: (scope: Scope) => {
    const byKind = new Map<string, ReturnType<ReturnType<typeof pages<TextVersion>>>>();
    return (ownerType: string) => {
      let l = byKind.get(ownerType);
      if (!l) byKind.set(ownerType, (l = pages(TextVersion, { parent: 'ownerId', where: { ownerType }, sort: { field: 'number', kind: 'number' } })(scope)));
      return l;
    };
  },
  /** The materials of an owner kind's records, in upload order, paged. */
  materialsOf: (scope: Scope) => {
    const byKind = new Map<string, ReturnType<ReturnType<typeof pages<Material>>>>();
    return (ownerType: string) => {
      let l = byKind.get(ownerType);
      if (!l) byKind.set(ownerType, (l = pages(Material, { parent: 'ownerId', where: { ownerType }, sort: { field: 'createdAt', kind: 'date' } })(scope)));
      return l;
    };
  },
  alternativesByProposal: ({ em }: Scope) => childrenLoader(em, ProposalAlternative, 'proposal', { createdAt: 'asc', id: 'asc' }),
  disagreementsByProposal: ({ em }: Scope) => childrenLoader(em, ProposalDisagreement, 'proposal', { createdAt: 'asc', id: 'asc' }),
  consultationByProposal: ({ em }: Scope) => childLoader(em, PublicConsultation, 'proposal'),
  opinionsByConsultation: ({ em }: Scope) => childrenLoader(em, ConsultationOpinion, 'consultation', { seq: 'asc' }),
  hearingByProposal: ({ em }: Scope) => childLoader(em, Hearing, 'proposal'),
  expertOpinionsByProposal: ({ em }: Scope) => childrenLoader(em, ExpertOpinion, 'proposal', { signedOn: 'asc', id: 'asc' }),
  expertOpinionPages: pages(ExpertOpinion, { parent: 'proposal', sort: { field: 'signedOn', kind: 'string' } }),
  riskAssessmentsByProposal: ({ em }: Scope) => childrenLoader(em, RiskAssessment, 'proposal', { round: 'asc' }),
  riskAssessmentPages: pages(RiskAssessment, { parent: 'proposal', sort: { field: 'round', kind: 'number' } }),
  consultationOpinionPages: pages(ConsultationOpinion, { parent: 'consultation', sort: { field: 'seq', kind: 'number' } }),
  fairCompetitionByProposal: ({ em }: Scope) => childLoader(em, FairCompetitionReview, 'proposal'),
  proposalById: ({ em }: Scope) => entityLoader(em, DecisionProposal),
  contractById: ({ em }: Scope) => entityLoader(em, Contract),
  normativeById: ({ em }: Scope) => entityLoader(em, NormativeDocument),
  opinionById: ({ em }: Scope) => entityLoader(em, LegalOpinion),
  opinionsByReview: ({ em }: Scope) => childrenLoader(em, LegalOpinion, 'review', { number: 'asc' }),
  findingsByOpinion: ({ em }: Scope) => childrenLoader(em, OpinionFinding, 'opinion', { seq: 'asc' }),
  /** Bounded by the aspects a subject type declares. */
  aspectsByOpinion: ({ em }: Scope) => childrenLoader(em, OpinionAspect, 'opinion', { seq: 'asc' }),
  confirmationsByOpinion: ({ em }: Scope) => childrenLoader(em, OpinionConfirmation, 'opinion', { confirmedAt: 'asc', id: 'asc' }),
  /** Bounded by the size of the deliberating body; in the roll's order (head, deputies, members). */
  membersByMeeting: ({ em }: Scope) => childrenLoader(em, MeetingMember, 'meeting', { seq: 'asc', id: 'asc' }),
  agendaPages: pages(AgendaItem, { parent: 'meeting', sort: { field: 'seq', kind: 'number' } }),
  meetingById: ({ em }: Scope) => entityLoader(em, Meeting),
  /** The agenda items that put a normative document before a meeting, in the order they were added, paged. */
  agendaPagesByDocument: pages(AgendaItem, { parent: 'normativeDocument', sort: { field: 'createdAt', kind: 'date' } }),
  meetingCorrectionPages: pages(MeetingCorrection, { parent: 'meeting', sort: { field: 'recordedAt', kind: 'date' } }),
  /** One position per present member at most. */
  positionsByAgendaItem: ({ em }: Scope) => childrenLoader(em, MemberPosition, 'agendaItem', { id: 'asc' }),
  decisionByProposal: ({ em }: Scope) => childLoader(em, Decision, 'proposal'),
  executionReportPages: pages(ExecutionReport, { parent: 'decision', sort: { field: 'reportedOn', kind: 'string' } }),
  postEvaluationPages: pages(PostEvaluation, { parent: 'decision', sort: { field: 'evaluatedOn', kind: 'string' } }),
  filingByDocument: ({ em }: Scope) => childLoader(em, Filing, 'document'),
  normativeByProposal: ({ em }: Scope) => childLoader(em, NormativeDocument, 'originatingProposal', { createdAt: 'asc', id: 'asc' }),
  filingMaterialsByDocument: ({ em }: Scope) => childrenLoader(em, FilingMaterial, 'document', { kind: 'asc' }),
  /** A document's fair-competition reviews, oldest first (the last counts). */
  fairCompetitionReviewsByDocument: ({ em }: Scope) => childrenLoader(em, NormativeFairCompetitionReview, 'document', { seq: 'asc' }),
  fairCompetitionReviewPages: pages(NormativeFairCompetitionReview, { parent: 'document', sort: { field: 'seq', kind: 'number' } }),
  /** A clean-up campaign's outcomes, paged (index cleanup_entry_list_order). */
  cleanupEntryPages: pages(CleanupEntry, { parent: 'campaign', sort: { field: 'id', kind: 'string' } }),
  reviewsBySubject: ({ em }: Scope) => childrenLoader(em, ReviewRequest, 'subjectId', { requestedAt: 'asc', id: 'asc' }),
  findingById: ({ em }: Scope) => entityLoader(em, OpinionFinding),
  bodyById: ({ em }: Scope) => entityLoader(em, StandingBody),
  /** A body's periods of membership, oldest first, paged. */
  membershipPages: pages(BodyMembership, { parent: 'body', sort: { field: 'startedOn', kind: 'string' } }),
  /** A body's heads, oldest first, paged. */
  headshipPages: pages(BodyHeadship, { parent: 'body', sort: { field: 'startedOn', kind: 'string' } }),
  /** The membership periods of many bodies covering one day each (keys: `bodyId|date`). */
  membershipsOn: ({ em }: Scope) => periodsOnLoader(em, BodyMembership),
  /** The head's period covering one day, per body (keys: `bodyId|date`). */
  headshipsOn: ({ em }: Scope) => periodsOnLoader(em, BodyHeadship),
  /** A decision's amended texts, in order, paged. */
  amendmentPages: pages(DecisionAmendment, { parent: 'decision', sort: { field: 'seq', kind: 'number' } }),
  enforcementCaseById: ({ em }: Scope) => entityLoader(em, EnforcementCase),
  /** A case's evidence list, in its order, paged. */
  enforcementEvidencePages: pages(EnforcementEvidence, { parent: 'case', sort: { field: 'seq', kind: 'number' } }),
  /** A handful of officers per case. */
  officersByCase: ({ em }: Scope) => childrenLoader(em, EnforcementOfficer, 'case', { seq: 'asc' }),
  /** A handful of procedure steps per case. */
  procedureByCase: ({ em }: Scope) => childrenLoader(em, EnforcementProcedureRecord, 'case', { seq: 'asc' }),
};

const createLoaderSet = lazyMembers<Scope, typeof LOADERS>(LOADERS);

export function createLoaders(em: EntityManager, limits: PageLimits) {
  return createLoaderSet({ em, limits });
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Text versions by (owner type, owner id, number), many owners in one statement (short columns). */
function versionByNumberLoader(em: EntityManager): DataLoader<{ ownerType: string; ownerId: string; number: number }, TextVersion | null, string> {
  const r = rowReader(em, TextVersion);
  return new DataLoader(
    async (keys) => {
      const rows = await em.execute<Record<string, unknown>[]>(
        `select ${r.select('t', SHORT)} from "${r.table}" t where (t."owner_type", t."owner_id", t."number") in (${keys.map(() => '(?, ?, ?)').join(', ')})`,
        keys.flatMap((k) => [k.ownerType, k.ownerId, k.number]),
      );
      const byKey = new Map(rows.map((raw) => r.map(raw, SHORT)).map((v) => [`${v.ownerType}|${v.ownerId}|${v.number}`, v]));
      return keys.map((k) => byKey.get(`${k.ownerType}|${k.ownerId}|${k.number}`) ?? null);
    },
    { cacheKeyFn: (k) => `${k.ownerType}|${k.ownerId}|${k.number}`, maxBatchSize: 500 },
  );
}

/** The change note (a text column, but a line or two); the version's own text comes through `versionText`. */
const SHORT: Wanted = new Set<string>(['changeNote']);

/**
 * Loads the children of many parents in one statement (`where <fk> in (...)`) per column set,
 * grouped per parent in key order, as plain rows. `orderBy` keeps each group's order stable.
 */
export function childrenLoader<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  fk: string,
  orderBy: Record<string, 'asc' | 'desc'> = { id: 'asc' },
) {
  const r = rowReader(em, entity);
  const fkCol = r.column(fk);
  const order = Object.entries(orderBy)
    .map(([prop, dir]) => `t."${r.column(prop)}" ${dir}`)
    .join(', ');
  return columnsLoader<T[]>(
    r,
    async (parents, wanted) => {
      const rows = await em.execute<Record<string, unknown>[]>(`select ${r.select('t', wanted)} from "${r.table}" t where t."${fkCol}" in (?) order by ${order}`, [parents]);
      const found = new Map<string, T[]>();
      for (const raw of rows) {
        const parent = String(raw[fkCol]);
        let list = found.get(parent);
        if (!list) found.set(parent, (list = []));
        list.push(r.map(raw, wanted));
      }
      return found;
    },
    () => [],
  );
}

/** Loads at most one child per parent (one-to-one records), or the first by `orderBy`. */
export function childLoader<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  fk: string,
  orderBy: Record<string, 'asc' | 'desc'> = { id: 'asc' },
) {
  const many = childrenLoader(em, entity, fk, orderBy);
  return {
    load: async (parentId: string, wanted?: Wanted): Promise<T | null> => (await many.load(parentId, wanted))[0] ?? null,
  };
}

/** Loads a long text column of many rows in one statement. */
export function lazyTextLoader<T extends { id: string }>(em: EntityManager, entity: EntityName<T>, field: keyof T & string): DataLoader<string, string | null> {
  const r = rowReader(em, entity);
  const col = r.column(field);
  return new DataLoader<string, string | null>(async (ids) => {
    const rows = await em.execute<{ id: string; v: string | null }[]>(`select t."id", t."${col}" as v from "${r.table}" t where t."id" in (?)`, [[...ids]]);
    const byId = new Map(rows.map((row) => [String(row.id), row.v ?? null]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Dated periods (membership, headship) covering a day, for many bodies: keys `bodyId|YYYY-MM-DD`,
 * one statement per distinct day in the batch, each body's periods oldest first.
 */
function periodsOnLoader<T extends { id: string; body: { id: string }; startedOn: string; endedOn?: string | null }>(
  em: EntityManager,
  entity: EntityName<T>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const byDate = new Map<string, string[]>();
    for (const k of keys) {
      const [bodyId, date] = k.split('|') as [string, string];
      byDate.set(date, [...(byDate.get(date) ?? []), bodyId]);
    }
    const found = new Map<string, T[]>();
    for (const [date, bodies] of byDate) {
      const rows = await em.find(
        entity,
        { body: { $in: bodies }, startedOn: { $lte: date }, $or: [{ endedOn: null }, { endedOn: { $gte: date } }] } as unknown as FilterQuery<T>,
        { orderBy: { startedOn: 'asc', id: 'asc' } as never },
      );
      for (const r of rows) found.set(`${r.body.id}|${date}`, [...(found.get(`${r.body.id}|${date}`) ?? []), r]);
    }
    return keys.map((k) => found.get(k) ?? []);
  });
}
