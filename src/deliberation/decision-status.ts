import type { EntityManager } from '@mikro-orm/postgresql';
import type { DecisionStatusPort } from '../proposal/proposal-lifecycle.service';
import { Decision } from './deliberation.entity';

/** The proposal area's view of decisions (R-DEC-16: only a published or suspended decision is amended). */
export const decisionStatusPort: DecisionStatusPort = {
  async statusOf(em: EntityManager, proposalId: string) {
    return (await em.findOne(Decision, { proposal: proposalId }, { fields: ['status'] }))?.status ?? null;
  },
};
