import { SignJWT, jwtVerify } from 'jose';

export interface TokenConfig {
  secret: string;
  ttlSeconds: number;
  issuer: string;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** Signed JWTs (HS256) carrying only the user id; roles are read fresh from the database. */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(private readonly cfg: TokenConfig) {
    this.key = new TextEncoder().encode(cfg.secret);
  }

  async issue(userId: string, now: Date): Promise<IssuedToken> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.cfg.ttlSeconds;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(this.cfg.issuer)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The user id of a valid token, or a reason it was refused. */
  async verify(token: string, now: Date): Promise<{ userId: string } | { problem: string }> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: this.cfg.issuer,
        algorithms: ['HS256'],
        currentDate: now,
      });
      if (typeof payload.sub !== 'string' || payload.sub.length === 0) return { problem: '登录凭证无效，请重新登录' };
      return { userId: payload.sub };
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_JWT_EXPIRED') return { problem: '登录已过期，请重新登录' };
      return { problem: '登录凭证无效，请重新登录' };
    }
  }
}
