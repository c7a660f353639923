import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import type { Violation } from '../core/errors';
import type { Actor } from '../core/roles';
import type { NormativeRegisterService } from '../normative/normative-register.service';
import type { NormativeDocument } from '../normative/normative.entity';
import type { AgendaSubject, AgendaSubjectAdapter } from './agenda-subject.port';
import type { AgendaItem, Meeting } from './deliberation.entity';
import { AgendaSubjectType } from './deliberation.enums';
import { ISSUER_OF_BODY } from './document-deliberations';

export interface NormativeAgendaDeps {
  audit: AuditService;
  /** The register: locks a document the user may see, and says what keeps it from its meeting. */
  normative: Pick<NormativeRegisterService, 'lockForAgenda' | 'agendaBlockersIn' | 'lockAll'>;
}

type DocumentSubject = AgendaSubject & { document: NormativeDocument };

/**
 * Normative documents on the agenda of their issuer's own body (集体审议, R-ND-4): the current
 * version is deliberated; finalised minutes record the head's decision for the document, which the
 * release gate then reads (normative.rules.ts `releaseBlockers`, through `documentDeliberationsPort`).
 * The document's state does not move: a document not approved stays in drafting, to be revised and
 * put to a later meeting.
 */
export class NormativeAgendaAdapter implements AgendaSubjectAdapter {
  readonly type = AgendaSubjectType.NORMATIVE_DOCUMENT;
  readonly noun = '规范性文件';
  readonly commandKey = 'normativeDocumentId' as const;
  readonly itemKey = 'normativeDocument' as const;

  constructor(private readonly deps: NormativeAgendaDeps) {}

  async lock(em: EntityManager, user: Actor, id: string): Promise<DocumentSubject> {
    const { document, text } = await this.deps.normative.lockForAgenda(em, user, id);
    return { id: document.id, text, audit: { normativeDocumentId: document.id, title: document.title }, document };
  }

  /** R-ND-4: in drafting, before its issuer's own body, reviewed and not unlawful, fair competition resolved. */
  blockers(em: EntityManager, subject: AgendaSubject, meeting: Meeting): Promise<Violation[]> {
    return this.deps.normative.agendaBlockersIn(em, (subject as DocumentSubject).document, ISSUER_OF_BODY[meeting.body]);
  }

  async onFinalised(em: EntityManager, user: Actor, m: Meeting, items: AgendaItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.deps.normative.lockAll(
      em,
      items.map((i) => i.normativeDocument!.id),
    );
    for (const item of items) {
      await this.deps.audit.record(em, user, {
        action: 'normative.deliberated',
        subjectType: 'NormativeDocument',
        subjectId: item.normativeDocument!.id,
        after: {
          meetingId: m.id,
          meetingTitle: m.title,
          heldOn: m.heldOn,
          agendaItemId: item.id,
          decision: item.headDecision,
          reason: item.decisionReason ?? null,
          deliberatedHash: item.draftHash,
        },
      });
    }
  }
}
