import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './core/config';
import type { Clock } from './core/clock';
import type { WorkingCalendar } from './calendar/working-days';
import { AuditService } from './audit/audit.service';
import { IdentityService } from './identity/identity.service';
import { DirectoryService } from './directory/directory.service';
import { ProposalService } from './proposal/proposal.service';
import { ReviewService } from './review/review.service';
import { DeliberationService } from './deliberation/deliberation.service';
import { ArchiveService } from './deliberation/archive.service';
import { NormativeService } from './normative/normative.service';
import type { TokenService } from './identity/token';
import type { Logger } from './core/logger';

/** Long-lived collaborators shared by every request. */
export interface AppDeps {
  config: Config;
  clock: Clock;
  calendar: WorkingCalendar;
  tokens: TokenService;
  logger: Logger;
}

/** The use cases, bound to one EntityManager fork (one request or one CLI command). */
export function createServices(em: EntityManager, deps: AppDeps) {
  const audit = new AuditService(deps.clock);
  return {
    audit,
    identity: new IdentityService(em, { ...deps, audit }),
    directory: new DirectoryService(em, { ...deps, audit }),
    proposal: new ProposalService(em, { ...deps, audit }),
    review: new ReviewService(em, { ...deps, audit }),
    deliberation: new DeliberationService(em, { ...deps, audit }),
    archive: new ArchiveService(em, { ...deps, audit }),
    normative: new NormativeService(em, { ...deps, audit }),
  };
}

export type Services = ReturnType<typeof createServices>;
