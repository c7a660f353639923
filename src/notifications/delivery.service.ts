import type { EntityManager } from '@mikro-orm/postgresql';
import { localDateOf, type Clock } from '../core/clock';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import { transaction } from '../db/transaction';
import type { Channels } from './channels';
import { mailText } from './notice.rules';
import { DeliveryMode, NotificationChannel } from './notification.enums';

export interface DeliveryDeps {
  config: Config;
  clock: Clock;
  logger: Logger;
  channels: Channels;
}

interface DueRow {
  id: string;
  channel: NotificationChannel;
  target: string;
  notification_id: string | null;
  notification_ids: string[] | null;
  digest_day: string | null;
  attempts: number;
}

interface NoticeRow {
  id: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  subject_label: string;
  rule: string;
  due_on: string | null;
  message: string;
  link: string;
  created_at: Date;
}

export interface SweepResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends the persisted deliveries (e-mail, webhook) and makes the daily digests. A delivery is
 * claimed with FOR UPDATE SKIP LOCKED, so servers sweeping at once never send one twice; a failure
 * is kept with its reason and tried again after NOTIFICATION_RETRY_SECONDS, doubling each time (at
 * most an hour), until NOTIFICATION_MAX_ATTEMPTS, then FAILED — admins list those.
 */
export class DeliveryService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: DeliveryDeps,
  ) {}

  async sweep(limit = 50): Promise<SweepResult> {
    return transaction(this.em, async (em) => {
      const now = this.deps.clock.now();
      const due = await em.execute<DueRow[]>(
        `select id, channel, target, notification_id, notification_ids, to_char(digest_day, 'YYYY-MM-DD') as digest_day, attempts
           from notification_delivery where status = 'PENDING' and next_attempt_at <= ?
          order by next_attempt_at, id limit ? for update skip locked`,
        [now.toISOString(), limit],
      );
      const result: SweepResult = { sent: 0, retrying: 0, failed: 0 };
      for (const d of due) {
        const ids = d.notification_id ? [d.notification_id] : (d.notification_ids ?? []);
        const notices = ids.length
          ? await em.execute<NoticeRow[]>(
              `select id, kind, subject_type, subject_id, subject_label, rule, to_char(due_on, 'YYYY-MM-DD') as due_on, message, link, created_at
                 from notification where id = any(?::uuid[]) order by created_at, id`,
              [`{${ids.join(',')}}`],
            )
          : [];
        const attempts = d.attempts + 1;
        try {
          if (notices.length > 0) await this.send(d, notices);
          await em.execute(`update notification_delivery set status = 'SENT', attempts = ?, sent_at = ?, last_error = null where id = ?`, [attempts, now.toISOString(), d.id]);
          result.sent += 1;
        } catch (err) {
          const reason = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
          const failed = attempts >= this.deps.config.notifications.maxAttempts;
          const delay = Math.min(this.deps.config.notifications.retrySeconds * 2 ** (attempts - 1), 3600);
          await em.execute(`update notification_delivery set status = ?, attempts = ?, last_error = ?, next_attempt_at = ? where id = ?`, [
            failed ? 'FAILED' : 'PENDING',
            attempts,
            reason,
            new Date(now.getTime() + delay * 1000).toISOString(),
            d.id,
          ]);
          this.deps.logger.warn({ delivery: d.id, channel: d.channel, attempts, failed, reason }, failed ? 'notification delivery failed for good' : 'notification delivery failed, retried later');
          if (failed) result.failed += 1;
          else result.retrying += 1;
        }
      }
      return result;
    });
  }

  private async send(d: DueRow, notices: NoticeRow[]): Promise<void> {
    const base = this.deps.config.notifications.consoleUrl;
    if (d.channel === NotificationChannel.EMAIL) {
      const { subject, text } = mailText(
        notices.map((n) => ({ message: n.message, link: n.link, createdAt: n.created_at })),
        base,
        d.digest_day,
      );
      await this.deps.channels.email(d.target, subject, text);
      return;
    }
    const body = JSON.stringify({
      deliveryId: d.id,
      digestDay: d.digest_day,
      notifications: notices.map((n) => ({
        id: n.id,
        kind: n.kind,
        subjectType: n.subject_type,
        subjectId: n.subject_id,
        subject: n.subject_label,
        rule: n.rule,
        dueOn: n.due_on,
        message: n.message,
        url: `${base}${n.link}`,
        createdAt: new Date(n.created_at).toISOString(),
      })),
    });
    await this.deps.channels.webhook(d.target, body, d.id);
  }

  /**
   * The day's digests: for every user who chose DAILY_DIGEST, one delivery per enabled channel
   * carrying the notices made since that channel's previous digest (none when there are none).
   * Once per user, channel and day (unique index), whichever server runs it.
   */
  async makeDigests(): Promise<number> {
    return transaction(this.em, async (em) => {
      const now = this.deps.clock.now();
      const day = localDateOf(now, this.deps.config.timeZone);
      const rows = await em.execute<{ id: string }[]>(
        `insert into notification_delivery (id, recipient_id, channel, digest_day, notification_ids, target, status, attempts, next_attempt_at, created_at)
         select gen_random_uuid(), p.user_id, c.channel, ?::date, x.ids, c.target, 'PENDING', 0, ?::timestamptz, ?::timestamptz
           from notification_preference p
           join app_user u on u.id = p.user_id and u.active
           cross join lateral (values ('EMAIL', case when p.email_enabled then p.email_address end),
                                      ('WEBHOOK', case when p.webhook_enabled then p.webhook_url end)) as c(channel, target)
           cross join lateral (
             select jsonb_agg(n.id order by n.created_at, n.id) as ids
               from notification n
              where n.recipient_id = p.user_id and n.created_at <= ?::timestamptz
                and n.created_at > coalesce((select max(d.created_at) from notification_delivery d
                                              where d.recipient_id = p.user_id and d.channel = c.channel and d.digest_day is not null), '-infinity')
           ) x
          where p.mode = ? and c.target is not null and x.ids is not null
         on conflict do nothing
         returning id`,
        [day, now.toISOString(), now.toISOString(), now.toISOString(), DeliveryMode.DAILY_DIGEST],
      );
      return rows.length;
    });
  }
}
