import type { EntityManager } from '@mikro-orm/postgresql';
import type { Notice } from './notice.rules';

/**
 * Writes notices and the deliveries they need, in the caller's transaction: a notice already made
 * today for the same recipient, kind and subject is skipped by the database (unique index
 * notification_once_per_day), so the daily scan and the events can run on any number of servers
 * and as often as they like. Recipients who chose immediate delivery get one PENDING delivery per
 * channel they enabled (unique per notice and channel); digests are made by the digest job.
 * Returns the ids of the notices made now.
 */
export async function recordNotices(em: EntityManager, notices: Notice[], now: Date, day: string): Promise<string[]> {
  if (notices.length === 0) return [];
  const rows = notices.map((n) => ({
    recipient_id: n.recipientId,
    kind: n.kind,
    subject_type: n.subjectType,
    subject_id: n.subjectId,
    subject_label: n.subjectLabel,
    rule: n.rule,
    due_on: n.dueOn,
    message: n.message.slice(0, 1000),
    link: n.link,
  }));
  const made = await em.execute<{ id: string }[]>(
    `insert into notification (id, recipient_id, kind, subject_type, subject_id, subject_label, rule, due_on, day, message, link, created_at)
     select gen_random_uuid(), x.recipient_id, x.kind, x.subject_type, x.subject_id, x.subject_label, x.rule, x.due_on, ?::date, x.message, x.link, ?::timestamptz
       from json_to_recordset(?::json) as x(recipient_id uuid, kind text, subject_type text, subject_id uuid, subject_label text, rule text, due_on date, message text, link text)
     on conflict do nothing
     returning id`,
    [day, now.toISOString(), JSON.stringify(rows)],
  );
  const ids = made.map((r) => r.id);
  if (ids.length === 0) return ids;
  await em.execute(
    `insert into notification_delivery (id, recipient_id, channel, notification_id, target, status, attempts, next_attempt_at, created_at)
     select gen_random_uuid(), n.recipient_id, c.channel, n.id, c.target, 'PENDING', 0, ?::timestamptz, ?::timestamptz
       from notification n
       join notification_preference p on p.user_id = n.recipient_id and p.mode = 'IMMEDIATE'
       join app_user u on u.id = n.recipient_id and u.active
       cross join lateral (values ('EMAIL', case when p.email_enabled then p.email_address end),
                                  ('WEBHOOK', case when p.webhook_enabled then p.webhook_url end)) as c(channel, target)
      where n.id = any(?::uuid[]) and c.target is not null
     on conflict do nothing`,
    [now.toISOString(), now.toISOString(), `{${ids.join(',')}}`],
  );
  return ids;
}
