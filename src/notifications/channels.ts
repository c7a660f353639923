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

const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|HOSTNAME_MISMATCH|ERR_TLS/;

/**
 * Why a webhook could not be delivered, in words an admin can act on (shown as the delivery's last
 * error), with the transport's code kept in brackets — instead of Node's bare "fetch failed".
 */
export function webhookFailure(err: unknown, url: string): string {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // the stored URL was validated when it was saved; keep it as it is
  }
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `Webhook 接收方（${host}）${TIMEOUT_MS / 1000} 秒内未应答`;
  const code = e?.cause?.code ?? '';
  const detail = code || e?.cause?.message || e?.message || String(err);
  if (code === 'ECONNREFUSED') return `连接被拒绝（${host}）：接收方没有在运行，或地址、端口有误（${detail}）`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `找不到主机 ${host.replace(/:\d+$/, '')}：请检查 Webhook 地址中的域名（${detail}）`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `连接被接收方中断（${host}）（${detail}）`;
  if (CERTIFICATE.test(code)) return `接收方（${host}）的 HTTPS 证书无法验证（${detail}）`;
  if (/redirect/i.test(e?.cause?.message ?? '')) return `接收方（${host}）要求重定向，Webhook 不跟随重定向：请填写最终地址`;
  return `无法连接 Webhook 接收方（${host}）（${detail}）`;
}

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
      let res: Response;
      try {
        res = await fetch(url, {
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
      } catch (err) {
        throw new Error(webhookFailure(err, url));
      }
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) throw new Error(`Webhook 接收方返回 HTTP ${res.status}`);
    },
    close() {
      transport?.close();
      transport = null;
    },
  };
}
