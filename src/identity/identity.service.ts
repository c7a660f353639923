import type { AuditActor } from '../audit/audit.service';

/**
 * @deprecated The audit service takes any `{ id, username }`: pass the user itself. Kept only while
 * the deliberation and normative services still import it; delete with their last call.
 */
export function actorOf(user: AuditActor): AuditActor {
  return user;
}
