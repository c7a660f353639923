import type { EntityManager } from '@mikro-orm/postgresql';
import type { DecisionStatusPort } from '../proposal/proposal-lifecycle.service';
import { AgendaItem, Decision } from './deliberation.entity';
import { MeetingStatus } from './deliberation.enums';

/** The proposal area's view of decisions (R-DEC-16: only a published or suspended decision is amended). */
export const decisionStatusPort: DecisionStatusPort = {
  async statusOf(em: EntityManager, proposalId: string) {
    return (await em.findOne(Decision, { proposal: proposalId }, { fields: ['status'] }))?.status ?? null;
  },
  async openMeetingOf(em: EntityManager, proposalId: string) {
    const item = await em.findOne(AgendaItem, { proposal: proposalId, meeting: { status: MeetingStatus.OPEN } }, { populate: ['meeting'] });
    return item ? item.meeting.getEntity().title : null;
  },
};
