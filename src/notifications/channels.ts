import { createHmac } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { NotificationsConfig } from '../core/config';

/** How a delivery leaves the server: e-mail over SMTP and signed webhooks. */
export interface Channels {
  email(to: string, subject: string, text: string): Promise<void>;
  webhook(url: string, body: string, deliveryId: string): Promise<void>;
  close(): void;
}

/** `X-Yunhu-Signature: sha256=<hex HMAC-SHA256 of the raw body under WEBHOOK_SECRET>`. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

const TIMEOUT_MS = 10_000;

export function createChannels(config: NotificationsConfig): Channels {
  let transport: Transporter | null = null;
  return {
    async email(to, subject, text) {
      if (!config.smtpUrl) throw new Error('未配置 SMTP_URL，无法发送电子邮件');
      transport ??= nodemailer.createTransport(config.smtpUrl, { from: config.smtpFrom });
      await transport.sendMail({ from: config.smtpFrom, to, subject, text });
    },
    async webhook(url, body, deliveryId) {
      if (!config.webhookSecret) throw new Error('未配置 WEBHOOK_SECRET，无法发送 Webhook');
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-yunhu-signature': webhookSignature(config.webhookSecret, body),
          'x-yunhu-delivery': deliveryId,
          'user-agent': 'yunhu-review-notifications',
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) throw new Error(`Webhook 接收方返回 HTTP ${res.status}`);
    },
    close() {
      transport?.close();
      transport = null;
    },
  };
}
