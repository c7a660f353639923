import type { EntityManager } from '@mikro-orm/postgresql';
import type { OpenAgendaPort } from '../proposal/procedure.service';
import type { DecisionStatusPort } from '../proposal/proposal-lifecycle.service';
import { AgendaItem, Decision } from './deliberation.entity';
import { MeetingStatus } from './deliberation.enums';

/** The proposal area's view of decisions (R-DEC-16: only a published or suspended decision is amended). */
export const decisionStatusPort: DecisionStatusPort & OpenAgendaPort = {
  async statusOf(em: EntityManager, proposalId: string) {
    return (await em.findOne(Decision, { proposal: proposalId }, { fields: ['status'] }))?.status ?? null;
  },
  async openMeetingOf(em: EntityManager, proposalId: string) {
    const item = await em.findOne(AgendaItem, { proposal: proposalId, meeting: { status: MeetingStatus.OPEN } }, { populate: ['meeting'] });
    return item ? item.meeting.getEntity().title : null;
  },
  /** The earliest day of such meetings: the proposal's package may not gain anything dated after it (R-DEC-10). */
  async openMeetingHeldOn(em: EntityManager, proposalId: string) {
    const item = await em.findOne(
      AgendaItem,
      { proposal: proposalId, meeting: { status: MeetingStatus.OPEN } },
      { populate: ['meeting'], orderBy: { meeting: { heldOn: 'asc' } } },
    );
    return item ? item.meeting.getEntity().heldOn : null;
  },
};
