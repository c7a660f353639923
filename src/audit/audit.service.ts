import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../core/clock';
import { paginate, type Page, type PageLimits, type PageRequest } from '../db/paginate';
import { AuditEvent } from './audit-event.entity';
import type { AuditSubject, AuditSubjectType } from './audit.enums';
import { eventHash, findChainBreak, GENESIS_HASH, type ChainBreak, type StoredEvent } from './chain';

/** Who did it: any user (the User entity, a request's actor), or the system (CLI, scheduled jobs). */
export interface AuditActor {
  id: string | null;
  username: string;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, username: 'system' };

export interface AuditInput {
  action: string;
  subjectType: AuditSubject;
  subjectId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Arbitrary constant naming the audit chain's advisory lock. */
const AUDIT_CHAIN_LOCK = 7_311_001;

export interface ChainReport {
  ok: boolean;
  checkedCount: number;
  firstBroken: ChainBreak | null;
}

/**
 * Appends events to the hash chain. Call inside the transaction of the change it records: the
 * transaction-scoped advisory lock serialises appends until commit, so events are chained in
 * commit order and ids grow in that order.
 */
export class AuditService {
  constructor(private readonly clock: Clock) {}

  async record(em: EntityManager, actor: AuditActor, input: AuditInput): Promise<AuditEvent> {
    if (!em.isInTransaction()) throw new Error('audit events must be written inside the transaction of the change');
    await em.execute('select pg_advisory_xact_lock(?)', [AUDIT_CHAIN_LOCK]);
    const last = await em.execute<{ hash: string }[]>('select hash from audit_event order by id desc limit 1');
    const prevHash = last[0]?.hash ?? GENESIS_HASH;
    const event = new AuditEvent();
    event.occurredAt = this.clock.now();
    event.actorId = actor.id;
    event.actorUsername = actor.username;
    event.action = input.action;
    event.subjectType = input.subjectType;
    event.subjectId = input.subjectId;
    event.before = input.before ?? null;
    event.after = input.after ?? null;
    event.prevHash = prevHash;
    event.hash = eventHash(prevHash, {
      occurredAt: event.occurredAt,
      actorId: event.actorId,
      actorUsername: event.actorUsername,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      before: event.before,
      after: event.after,
    });
    em.persist(event);
    await em.flush();
    return event;
  }

  /** The events of one subject, oldest first. */
  trail(em: EntityManager, subject: { subjectType: AuditSubjectType; subjectId: string }, req: PageRequest, limits: PageLimits): Promise<Page<AuditEvent>> {
    return paginate(em, AuditEvent, { subjectType: subject.subjectType, subjectId: subject.subjectId }, req, limits, { field: 'id', kind: 'bigint' });
  }

  /** Walks the whole chain in id order, in batches, and reports the first broken event. */
  async verifyChain(em: EntityManager, batchSize = 1000): Promise<ChainReport> {
    let prev = GENESIS_HASH;
    let afterId: string | null = null;
    let checked = 0;
    for (;;) {
      const rows: AuditEvent[] = await em.find(
        AuditEvent,
        afterId === null ? {} : { id: { $gt: afterId } },
        { orderBy: { id: 'asc' }, limit: batchSize, disableIdentityMap: true },
      );
      if (rows.length === 0) break;
      const events: StoredEvent[] = rows.map((r) => ({
        id: r.id,
        occurredAt: r.occurredAt,
        actorId: r.actorId ?? null,
        actorUsername: r.actorUsername,
        action: r.action,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        before: r.before ?? null,
        after: r.after ?? null,
        prevHash: r.prevHash,
        hash: r.hash,
      }));
      const broken = findChainBreak(prev, events);
      if (broken) {
        const index = events.findIndex((e) => e.id === broken.eventId);
        return { ok: false, checkedCount: checked + index + 1, firstBroken: broken };
      }
      checked += events.length;
      prev = events[events.length - 1]!.hash;
      afterId = events[events.length - 1]!.id;
    }
    return { ok: true, checkedCount: checked, firstBroken: null };
  }
}
