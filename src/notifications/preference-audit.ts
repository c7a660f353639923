import type { NotificationPreference } from './notification.entity';

/**
 * What the audit chain keeps of a user's notification settings. A webhook address often carries
 * its bot's secret (a `?key=` or `access_token=` in the query, a token as a path segment, a
 * user:password): only the host, the plain-word path segments and the query's names are kept.
 */
export type PreferenceSummary = {
  emailEnabled: boolean;
  emailAddress: string | null;
  webhookEnabled: boolean;
  webhookUrl: string | null;
  mode: string;
};

const MASK = '***';
/** A path segment kept in clear: a short word (cgi-bin, webhook, send, open-apis); anything with digits or longer may be a token. */
const PLAIN_SEGMENT = /^[A-Za-z_.-]{1,24}$/;

/** The webhook address with every part that may be a credential replaced by ***. */
export function maskWebhookUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return MASK;
  }
  const userinfo = u.username || u.password ? `${MASK}@` : '';
  const path = u.pathname
    .split('/')
    .map((s) => (s === '' || PLAIN_SEGMENT.test(s) ? s : MASK))
    .join('/');
  const names = [...u.searchParams.keys()].map((k) => `${PLAIN_SEGMENT.test(k) ? k : MASK}=${MASK}`);
  const query = names.length ? `?${names.join('&')}` : '';
  const hash = u.hash ? `#${MASK}` : '';
  return `${u.protocol}//${userinfo}${u.host}${path}${query}${hash}`;
}

export function preferenceSummary(p: Pick<NotificationPreference, 'emailEnabled' | 'emailAddress' | 'webhookEnabled' | 'webhookUrl' | 'mode'>): PreferenceSummary {
  return {
    emailEnabled: p.emailEnabled,
    emailAddress: p.emailAddress ?? null,
    webhookEnabled: p.webhookEnabled,
    webhookUrl: maskWebhookUrl(p.webhookUrl),
    mode: p.mode,
  };
}

/**
 * The audit record's before and after, or null when nothing changed. When only a masked part of the
 * webhook address changed (a new bot key), `after.webhookUrlChanged` says so.
 */
export function preferenceChange(
  before: Parameters<typeof preferenceSummary>[0],
  after: Parameters<typeof preferenceSummary>[0],
): { before: PreferenceSummary; after: PreferenceSummary & { webhookUrlChanged?: true } } | null {
  const b = preferenceSummary(before);
  const a = preferenceSummary(after);
  const urlChanged = (before.webhookUrl ?? null) !== (after.webhookUrl ?? null);
  if (JSON.stringify(a) === JSON.stringify(b) && !urlChanged) return null;
  return { before: b, after: urlChanged && a.webhookUrl === b.webhookUrl ? { ...a, webhookUrlChanged: true } : a };
}
