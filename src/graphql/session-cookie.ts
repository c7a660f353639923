import type express from 'express';
import { parse, serialize } from 'cookie';

/**
 * The web console's session: the same signed token as the Authorization header, kept in an
 * httpOnly, SameSite=Strict cookie the page's scripts cannot read (README, session handling).
 * API clients keep sending `Authorization: Bearer …`; a request with that header ignores the cookie.
 */
export const SESSION_COOKIE = 'yunhu_session';

/** What a resolver may do with the caller's session cookie (login sets it, logout clears it). */
export interface SessionCookie {
  set(token: string, expiresAt: Date, now: Date): void;
  clear(): void;
}

/** The token in the session cookie, if the request carries one. */
export function sessionCookieToken(req: express.Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const token = parse(header)[SESSION_COOKIE];
  return token && token.length < 4096 ? token : null;
}

/** The credential of a request: the bearer header wins; otherwise the session cookie. */
export function requestAuthorization(req: express.Request): string | undefined {
  if (req.headers.authorization !== undefined) return req.headers.authorization;
  const token = sessionCookieToken(req);
  return token ? `Bearer ${token}` : undefined;
}

export function sessionCookieFor(req: express.Request, res: express.Response, secure: 'auto' | boolean): SessionCookie {
  const options = () => ({
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    secure: secure === 'auto' ? req.secure : secure,
  });
  return {
    set(token, expiresAt, now) {
      const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
      res.append('Set-Cookie', serialize(SESSION_COOKIE, token, { ...options(), maxAge, expires: expiresAt }));
    },
    clear() {
      res.append('Set-Cookie', serialize(SESSION_COOKIE, '', { ...options(), maxAge: 0, expires: new Date(0) }));
    },
  };
}

/**
 * Uploads (POST /materials) accept any content type, so a cross-site form could send one without a
 * preflight. SameSite=Strict already keeps the cookie off cross-site requests; as a second guard (and
 * for sites sharing the registrable domain), an upload authenticated by the cookie must carry
 * `Apollo-Require-Preflight` — a header a form cannot set and another origin cannot send without a
 * CORS preflight this server never grants. The same rule Apollo's csrfPrevention applies to /graphql.
 */
export function uploadCsrfGuard(): express.RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST' || req.headers.authorization !== undefined || !sessionCookieToken(req)) return next();
    if (req.headers['apollo-require-preflight']) return next();
    res.status(400).json({
      errors: [{ message: '使用登录会话上传材料时，请求须带 Apollo-Require-Preflight 头（防止跨站请求伪造）', extensions: { code: 'BAD_REQUEST', reason: 'CSRF' } }],
    });
  };
}
