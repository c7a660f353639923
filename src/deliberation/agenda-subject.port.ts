import type { EntityManager } from '@mikro-orm/postgresql';
import type { TextVersion } from '../content/text-version.entity';
import { BadInputError, type Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import type { AgendaItem, Meeting } from './deliberation.entity';
import type { AgendaSubjectType } from './deliberation.enums';

/**
 * The port between a meeting's record and what its agenda deliberates (议题事项): decision
 * proposals (R-DEC-11) and normative documents (集体审议, R-ND-4). The meeting service knows no
 * subject kind: each kind is one adapter, registered in the composition root. Adding a kind is one
 * adapter, one value of `AgendaSubjectType`, one foreign key on the agenda item and one `register`.
 */

/** How a command names its subject: exactly one of these. */
export interface AgendaSubjectRefs {
  proposalId?: string | null;
  normativeDocumentId?: string | null;
}

/** The agenda item's foreign key to its subject. */
export type AgendaSubjectKey = 'proposal' | 'normativeDocument';

export interface AgendaSubject {
  id: string;
  /** The text put before the meeting: its version row and hash are kept on the agenda item. */
  text: TextVersion;
  /** What the meeting's audit record says of it (a proposal's code, a document's title). */
  audit: Record<string, unknown>;
}

export interface AgendaSubjectAdapter {
  readonly type: AgendaSubjectType;
  /** Chinese noun used in messages: 决策建议, 规范性文件. */
  readonly noun: string;
  /** The command field naming a subject of this kind. */
  readonly commandKey: keyof AgendaSubjectRefs;
  /** The agenda item's foreign key to a subject of this kind. */
  readonly itemKey: AgendaSubjectKey;

  /**
   * The subject the user may see (FORBIDDEN otherwise, NOT_FOUND when it does not exist), its row
   * locked until the transaction ends. Called after the meeting's lock (lock order: meeting → subject).
   */
  lock(em: EntityManager, user: Actor, id: string): Promise<AgendaSubject>;
  /** Everything that keeps the subject off this meeting's agenda, all at once. */
  blockers(em: EntityManager, subject: AgendaSubject, meeting: Meeting): Promise<Violation[]>;
  /**
   * The minutes are being finalised: what the head's decisions do to this kind's subjects (their
   * items only, every one decided), inside the finalising transaction after the meeting's lock.
   */
  onFinalised(em: EntityManager, user: Actor, meeting: Meeting, items: AgendaItem[]): Promise<void>;
}

/** The adapters by subject type: filled in the composition root, read by the meeting service. */
export class AgendaSubjects {
  private readonly byType = new Map<AgendaSubjectType, AgendaSubjectAdapter>();

  constructor(adapters: readonly AgendaSubjectAdapter[] = []) {
    for (const a of adapters) this.register(a);
  }

  register(adapter: AgendaSubjectAdapter): void {
    if (this.byType.has(adapter.type)) throw new Error(`agenda subject ${adapter.type} registered twice`);
    this.byType.set(adapter.type, adapter);
  }

  /** Every adapter, in registration order (the order subjects are locked when minutes are finalised). */
  get all(): AgendaSubjectAdapter[] {
    return [...this.byType.values()];
  }

  /** The adapter and id a command names; BAD_USER_INPUT unless it names exactly one subject. */
  resolve(refs: AgendaSubjectRefs): { adapter: AgendaSubjectAdapter; id: string } {
    const named = this.all.filter((a) => refs[a.commandKey]);
    if (named.length !== 1) {
      throw new BadInputError(`议题须且只能指定一项：${this.all.map((a) => `${a.noun}（${a.commandKey}）`).join('或')}`, this.all[0]?.commandKey ?? 'subject');
    }
    return { adapter: named[0]!, id: refs[named[0]!.commandKey]! };
  }
}
