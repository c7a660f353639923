import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeliberationOutcome, NormativeDeliberationPort } from '../normative/normative-deliberation.port';
import { Issuer } from '../normative/normative.enums';
import { AgendaItem } from './deliberation.entity';
import { DeliberatingBody, HeadDecision, MeetingStatus } from './deliberation.enums';

/** Whose own deliberating body each body is (R-ND-4): the director's office meeting is the street office's. */
export const ISSUER_OF_BODY: Record<DeliberatingBody, Issuer> = {
  [DeliberatingBody.DIRECTORS_OFFICE]: Issuer.STREET_OFFICE,
  [DeliberatingBody.PARTY_WORKING_COMMITTEE]: Issuer.PARTY_WORKING_COMMITTEE,
};

/** The head's decision as the release gate reads it. */
const OUTCOME: Record<HeadDecision, DeliberationOutcome> = {
  [HeadDecision.APPROVE]: 'APPROVED',
  [HeadDecision.APPROVE_WITH_CHANGES]: 'APPROVED_WITH_CHANGES',
  [HeadDecision.REJECT]: 'NOT_APPROVED',
  [HeadDecision.RETURN_FOR_REVISION]: 'NOT_APPROVED',
  [HeadDecision.DEFER]: 'DEFERRED',
};

const LABEL: Record<HeadDecision, string> = {
  [HeadDecision.APPROVE]: '同意',
  [HeadDecision.APPROVE_WITH_CHANGES]: '原则同意，按意见修改',
  [HeadDecision.REJECT]: '不同意',
  [HeadDecision.RETURN_FOR_REVISION]: '退回修改',
  [HeadDecision.DEFER]: '暂缓',
};

/** The normative area's view of the meetings that deliberated a document (R-ND-4): its agenda items, oldest meeting first. */
export const documentDeliberationsPort: NormativeDeliberationPort = {
  async of(em: EntityManager, documentId: string) {
    const items = await em.find(AgendaItem, { normativeDocument: documentId }, { populate: ['meeting'], orderBy: { meeting: { heldOn: 'asc' }, createdAt: 'asc' } });
    return items.map((i) => {
      const m = i.meeting.getEntity();
      return {
        agendaItemId: i.id,
        meetingId: m.id,
        meetingTitle: m.title,
        bodyOf: ISSUER_OF_BODY[m.body],
        heldOn: m.heldOn,
        finalised: m.status === MeetingStatus.FINALISED,
        outcome: i.headDecision ? OUTCOME[i.headDecision] : null,
        outcomeLabel: i.headDecision ? LABEL[i.headDecision] : null,
        deliberatedHash: i.draftHash,
      };
    });
  },
};
