import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../core/config';
import type { Clock } from '../core/clock';
import type { WorkingCalendar } from '../calendar/working-days';
import type { TokenSession } from '../identity/token';
import type { User } from '../identity/user.entity';
import type { Logger } from '../core/logger';
import type { Loaders } from './loaders';
import type { Services } from '../services';
import type { SessionCookie } from './session-cookie';

/** Everything one GraphQL request sees: its own EntityManager fork, its user, its loaders. */
export interface Context {
  em: EntityManager;
  user: User | null;
  /** Why the presented token was not accepted (expired, user deactivated …), if one was. */
  authProblem: string | null;
  /** The accepted bearer token (its id and expiry), so `logout` can revoke exactly it. */
  session: TokenSession | null;
  /** The client's address (express `req.ip`, trust proxy applied), for the login throttle. */
  clientAddress: string | null;
  loaders: Loaders;
  services: Services;
  config: Config;
  clock: Clock;
  calendar: WorkingCalendar;
  logger: Logger;
  requestId: string;
  /** The web console's session cookie of this HTTP exchange (null outside HTTP): login sets it, logout clears it. */
  sessionCookie: SessionCookie | null;
}
