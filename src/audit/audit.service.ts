import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../core/clock';
import type { AuditKeys } from '../core/secrets';
import { paginate, type Page, type PageLimits, type PageRequest } from '../db/paginate';
import { AuditEvent } from './audit-event.entity';
import type { AuditSubject, AuditSubjectType } from './audit.enums';
import { ChainWalker, eventHash, eventHmac, GENESIS_HASH, type ChainBreak, type StoredEvent } from './chain';
import { checkpointHead, readCheckpoint, signCheckpoint, type ChainHead, type Checkpoint } from './checkpoint';
import type { CheckpointFile, CheckpointStore } from './checkpoint-store';

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

const EVENT_REASONS: ReadonlySet<ChainBreak['reason']> = new Set(['PREV_HASH_MISMATCH', 'HASH_MISMATCH', 'UNKNOWN_KEY', 'UNSIGNED_AFTER_SIGNED']);

/** Arbitrary constant naming the audit chain's advisory lock. */
const AUDIT_CHAIN_LOCK = 7_311_001;

export interface ChainReport {
  ok: boolean;
  checkedCount: number;
  firstBroken: ChainBreak | null;
  /** Valid checkpoints the chain was compared with. */
  checkpointsChecked: number;
  /** The newest valid checkpoint, if any. */
  latestCheckpoint: Checkpoint | null;
  /** Checkpoint files that are not valid checkpoints (altered, forged, or signed by an unknown key). */
  invalidCheckpoints: { source: string; problem: string }[];
}

export interface AuditDeps {
  clock: Clock;
  /** The keys sealing the chain; never stored in the database. */
  keys: AuditKeys;
  /** Where checkpoints are written and read. */
  checkpoints: CheckpointStore;
}

/**
 * Appends events to the keyed hash chain and checks it against the checkpoints kept outside the
 * database. Call `record` inside the transaction of the change it records: the
 * transaction-scoped advisory lock serialises appends until commit, so events are chained in
 * commit order and ids grow in that order.
 */
export class AuditService {
  constructor(private readonly deps: AuditDeps) {}

  private get clock(): Clock {
    return this.deps.clock;
  }

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
    event.keyId = this.deps.keys.signing.id;
    event.hash = eventHmac(this.deps.keys.signing, prevHash, {
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

  /** Whether one event's seal matches its content and link (its own key, or plain SHA-256 for an event from before keys). */
  sealValid(e: AuditEvent): boolean {
    const content = {
      occurredAt: e.occurredAt,
      actorId: e.actorId ?? null,
      actorUsername: e.actorUsername,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      before: e.before ?? null,
      after: e.after ?? null,
    };
    if (!e.keyId) return eventHash(e.prevHash, content) === e.hash;
    const secret = this.deps.keys.byId.get(e.keyId);
    return secret !== undefined && eventHmac({ id: e.keyId, secret }, e.prevHash, content) === e.hash;
  }

  /** The events of one subject, oldest first. */
  trail(em: EntityManager, subject: { subjectType: AuditSubjectType; subjectId: string }, req: PageRequest, limits: PageLimits): Promise<Page<AuditEvent>> {
    return paginate(em, AuditEvent, { subjectType: subject.subjectType, subjectId: subject.subjectId }, req, limits, { field: 'id', kind: 'bigint' });
  }

  /** The newest event and the number of events up to it, read in one statement (one snapshot). */
  async head(em: EntityManager): Promise<ChainHead> {
    const rows = await em.execute<{ id: string | null; hash: string | null; count: string }[]>(
      `select (select e.id from audit_event e order by e.id desc limit 1)::text as id,
              (select e.hash from audit_event e order by e.id desc limit 1) as hash,
              (select count(*) from audit_event)::text as count`,
    );
    const r = rows[0]!;
    return r.id === null ? { headId: null, headHash: GENESIS_HASH, count: 0 } : { headId: r.id, headHash: r.hash!, count: Number(r.count) };
  }

  /**
   * Signs the chain's head into a new checkpoint file. First compares the chain with the newest
   * valid checkpoint (its head still there, with its hash and count: two cheap queries) and
   * reports any disagreement; a new checkpoint never hides it, since every older one is kept and
   * checked. With `onlyIfChanged`, nothing is written when the newest checkpoint already has this
   * head (the server's periodic run).
   */
  async writeCheckpoint(
    em: EntityManager,
    opts: { onlyIfChanged?: boolean } = {},
  ): Promise<{ checkpoint: Checkpoint; file: string | null; disagreement: ChainBreak | null }> {
    const { valid } = await this.loadCheckpoints([]);
    const latest = valid[valid.length - 1] ?? null;
    const disagreement = latest ? await this.compareWith(em, latest) : null;
    const head = await this.head(em);
    if (opts.onlyIfChanged && latest && latest.headId === head.headId && latest.count === head.count && latest.headHash === head.headHash) {
      return { checkpoint: latest, file: null, disagreement };
    }
    const checkpoint = signCheckpoint(this.deps.keys.signing, head, this.clock.now());
    return { checkpoint, file: await this.deps.checkpoints.write(checkpoint), disagreement };
  }

  /** Whether the checkpoint's head event is still there with its hash, and the count up to it unchanged. */
  private async compareWith(em: EntityManager, cp: Checkpoint): Promise<ChainBreak | null> {
    const headId = checkpointHead(cp);
    if (headId === null) return null;
    const rows = await em.execute<{ hash: string | null; count: string }[]>(
      `select (select hash from audit_event where id = ?) as hash, (select count(*) from audit_event where id <= ?)::text as count`,
      [headId, headId],
    );
    const r = rows[0]!;
    if (r.hash === null) return { eventId: headId, reason: 'CHECKPOINT_HEAD_MISSING', checkpoint: cp };
    if (r.hash !== cp.headHash || Number(r.count) !== cp.count) return { eventId: headId, reason: 'CHECKPOINT_MISMATCH', checkpoint: cp };
    return null;
  }

  private async loadCheckpoints(extra: CheckpointFile[]): Promise<{ valid: Checkpoint[]; invalid: { source: string; problem: string }[] }> {
    const valid: Checkpoint[] = [];
    const invalid: { source: string; problem: string }[] = [];
    for (const file of [...(await this.deps.checkpoints.list()), ...extra]) {
      const read = readCheckpoint(file.content, this.deps.keys.byId);
      if ('checkpoint' in read) valid.push(read.checkpoint);
      else invalid.push({ source: file.source, problem: read.problem });
    }
    valid.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.count - b.count);
    return { valid, invalid };
  }

  /**
   * Walks the whole chain in id order, in batches, checking every seal and link and comparing it
   * with every valid checkpoint (those in the store and any `extra` ones, e.g. a copy kept
   * elsewhere), and reports the first problem: a broken event, a checkpoint the chain disagrees
   * with or whose head is gone, or else a checkpoint file that is not valid.
   */
  async verifyChain(em: EntityManager, opts: { extraCheckpoints?: CheckpointFile[]; batchSize?: number } = {}): Promise<ChainReport> {
    const batchSize = opts.batchSize ?? 1000;
    const { valid, invalid } = await this.loadCheckpoints(opts.extraCheckpoints ?? []);
    const walker = new ChainWalker(this.deps.keys.byId, valid);
    const report = (firstBroken: ChainBreak | null): ChainReport => ({
      ok: firstBroken === null,
      // a broken event counts as checked; a checkpoint's disagreement is found after its head was counted
      checkedCount: walker.count + (firstBroken && EVENT_REASONS.has(firstBroken.reason) ? 1 : 0),
      firstBroken,
      checkpointsChecked: valid.length,
      latestCheckpoint: valid[valid.length - 1] ?? null,
      invalidCheckpoints: invalid,
    });
    let afterId: string | null = null;
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
        keyId: r.keyId ?? null,
      }));
      const broken = walker.push(events);
      if (broken) return report(broken);
      afterId = events[events.length - 1]!.id;
    }
    const missing = walker.finish();
    if (missing) return report(missing);
    if (invalid.length > 0) return report({ eventId: null, reason: 'CHECKPOINT_INVALID' });
    return report(null);
  }
}
