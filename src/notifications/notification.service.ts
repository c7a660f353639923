import { randomUUID } from 'node:crypto';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../core/clock';
import type { Config } from '../core/config';
import { BadInputError } from '../core/errors';
import { assertAnyRole, Role, type Actor } from '../core/roles';
import { findForUpdate } from '../db/find';
import { paginate, type Page, type PageRequest } from '../db/paginate';
import { transaction } from '../db/transaction';
import { User } from '../identity/user.entity';
import type { DeliveryFilter, NotificationFilter, SetNotificationPreferencesCommand } from './notification.commands';
import { Notification, NotificationDelivery, NotificationPreference } from './notification.entity';
import { DeliveryMode } from './notification.enums';
import { DELIVERY_WORKFLOW } from './notification.workflow';
import { preferenceChange } from './preference-audit';

export interface NotificationDeps {
  config: Config;
  clock: Clock;
  audit: AuditService;
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** The inbox (站内通知), each user's own notices, and their delivery preferences; admins see deliveries. */
export class NotificationService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: NotificationDeps,
  ) {}

  /** The user's notices, newest first. */
  inbox(user: Actor, req: PageRequest, filter: NotificationFilter): Promise<Page<Notification>> {
    const where: FilterQuery<Notification> = { recipient: user.id };
    if (filter.unreadOnly) where.readAt = null;
    return paginate(this.em, Notification, where, req, this.deps.config.graphql, { field: 'createdAt', kind: 'date', direction: 'desc' });
  }

  unreadCount(user: Actor): Promise<number> {
    return this.em.count(Notification, { recipient: user.id, readAt: null });
  }

  /** Marks the user's own notices read (others' ids are ignored); returns them. */
  async markRead(user: Actor, ids: string[]): Promise<Notification[]> {
    if (ids.length > 100) throw new BadInputError('一次最多标记 100 条通知', 'ids');
    return transaction(this.em, async (em) => {
      const found = await em.find(Notification, { id: { $in: ids }, recipient: user.id }, { orderBy: { createdAt: 'desc', id: 'desc' } });
      const now = this.deps.clock.now();
      for (const n of found) n.readAt ??= now;
      await em.flush();
      return found;
    });
  }

  /** Marks every unread notice of the user read; returns how many. */
  async markAllRead(user: Actor): Promise<number> {
    return transaction(this.em, (em) =>
      em.nativeUpdate(Notification, { recipient: user.id, readAt: null }, { readAt: this.deps.clock.now() }),
    );
  }

  /** The user's preferences (the defaults, inbox only, until they save some). */
  async preferences(user: Actor): Promise<NotificationPreference> {
    const found = await this.em.findOne(NotificationPreference, { user: user.id });
    if (found) return found;
    const p = new NotificationPreference();
    p.id = randomUUID();
    p.user = this.em.getReference(User, user.id, { wrapped: true });
    p.version = 0;
    return p;
  }

  /** Saves the user's channels and timing; a change is audited on the user (webhook credentials masked). */
  async setPreferences(user: Actor, cmd: SetNotificationPreferencesCommand): Promise<NotificationPreference> {
    const { smtpUrl, webhookSecret } = this.deps.config.notifications;
    const email = cmd.emailAddress?.trim() || null;
    const url = cmd.webhookUrl?.trim() || null;
    if (email !== null && (!EMAIL.test(email) || email.length > 254)) throw new BadInputError('电子邮件地址格式不正确', 'emailAddress');
    if (cmd.emailEnabled && !email) throw new BadInputError('选择电子邮件通知时须填写电子邮件地址', 'emailAddress');
    if (cmd.emailEnabled && !smtpUrl) throw new BadInputError('本系统未配置邮件服务器（SMTP_URL），暂不能选择电子邮件通知，请联系管理员', 'emailEnabled');
    if (url !== null) {
      let parsed: URL | null = null;
      try {
        parsed = new URL(url);
      } catch {
        parsed = null;
      }
      if (!parsed || !/^https?:$/.test(parsed.protocol) || url.length > 500) throw new BadInputError('Webhook 地址须为 http:// 或 https:// 开头的网址', 'webhookUrl');
    }
    if (cmd.webhookEnabled && !url) throw new BadInputError('选择 Webhook 通知时须填写 Webhook 地址', 'webhookUrl');
    if (cmd.webhookEnabled && !webhookSecret) throw new BadInputError('本系统未配置 Webhook 签名密钥（WEBHOOK_SECRET），暂不能选择 Webhook 通知，请联系管理员', 'webhookEnabled');
    return transaction(this.em, async (em) => {
      let p = await em.findOne(NotificationPreference, { user: user.id });
      if (!p) {
        p = em.create(NotificationPreference, {
          id: randomUUID(),
          user: em.getReference(User, user.id, { wrapped: true }),
          emailEnabled: false,
          webhookEnabled: false,
          mode: DeliveryMode.IMMEDIATE,
        } as unknown as NotificationPreference);
      }
      const before = { emailEnabled: p.emailEnabled, emailAddress: p.emailAddress, webhookEnabled: p.webhookEnabled, webhookUrl: p.webhookUrl, mode: p.mode };
      p.emailEnabled = cmd.emailEnabled;
      p.emailAddress = email;
      p.webhookEnabled = cmd.webhookEnabled;
      p.webhookUrl = url;
      p.mode = cmd.mode;
      await em.flush();
      const change = preferenceChange(before, p);
      if (change) {
        await this.deps.audit.record(em, user, { action: 'notification.preferences.set', subjectType: 'User', subjectId: user.id, ...change });
      }
      return p;
    });
  }

  /** Deliveries by e-mail and webhook, newest first (admins: failures are kept here). */
  deliveries(user: Actor, req: PageRequest, filter: DeliveryFilter): Promise<Page<NotificationDelivery>> {
    assertAnyRole(user, [Role.ADMIN], '查看通知投递');
    const where: FilterQuery<NotificationDelivery> = filter.status ? { status: filter.status } : {};
    return paginate(this.em, NotificationDelivery, where, req, this.deps.config.graphql, { field: 'createdAt', kind: 'date', direction: 'desc' });
  }

  /** A failed delivery tried again now (admins), e.g. after the mail server was fixed. */
  async retryDelivery(user: Actor, id: string): Promise<NotificationDelivery> {
    DELIVERY_WORKFLOW.authorize(user, 'RETRY_DELIVERY');
    return transaction(this.em, async (em) => {
      const d = await findForUpdate(em, NotificationDelivery, id, '通知投递');
      d.status = DELIVERY_WORKFLOW.next(d.status, 'RETRY_DELIVERY');
      d.attempts = 0;
      d.nextAttemptAt = this.deps.clock.now();
      await em.flush();
      return d;
    });
  }
}
