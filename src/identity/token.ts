import { randomUUID } from 'node:crypto';
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

/** What a valid token says: whose it is, which one it is, and the user's token generation it was issued in. */
export interface VerifiedToken {
  userId: string;
  /** The token's own id (`jti`): what `logout` revokes. */
  tokenId: string;
  /** The user's token generation at issue (`gen`); a later generation makes the token stale. */
  generation: number;
  expiresAt: Date;
}

/** The token a request came with, as far as `logout` needs it. */
export type TokenSession = Pick<VerifiedToken, 'tokenId' | 'expiresAt'>;

/** Seconds an `iat` may lie ahead of the server clock (clock skew between servers). */
const IAT_LEEWAY_SECONDS = 60;

/** Every claim a token must carry; a token without any of them is refused. */
const REQUIRED_CLAIMS = ['sub', 'iat', 'exp', 'jti', 'gen'];

const INVALID = '登录凭证无效，请重新登录';

/** How many verified tokens are remembered (a few per signed-in user). */
const VERIFIED_CACHE_SIZE = 5_000;

/**
 * Signed JWTs (HS256) carrying the user id, the token's id and the user's token generation; roles
 * and the generation in force are read fresh from the database on each request.
 */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(private readonly cfg: TokenConfig) {
    this.key = new TextEncoder().encode(cfg.secret);
  }

  async issue(userId: string, generation: number, now: Date): Promise<IssuedToken> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.cfg.ttlSeconds;
    const token = await new SignJWT({ gen: generation })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setJti(randomUUID())
      .setIssuer(this.cfg.issuer)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /**
   * Tokens whose signature verified, by their text (bounded, oldest out first): a signature is a
   * property of the text and the key, so each request's token is checked once, not once by the
   * request guard and again by authentication; expiry and issue time are checked at every use.
   */
  private readonly verified = new Map<string, VerifiedToken & { issuedAt: number }>();

  /** The claims of a valid token, or a reason it was refused. */
  async verify(token: string, now: Date): Promise<VerifiedToken | { problem: string }> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt.getTime() <= now.getTime()) return { problem: '登录已过期，请重新登录' };
      if (known.issuedAt > now.getTime() / 1000 + IAT_LEEWAY_SECONDS) return { problem: INVALID };
      const { issuedAt: _issuedAt, ...claims } = known;
      return claims;
    }
    const result = await this.verifySignature(token, now);
    if (!('problem' in result)) {
      if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, result);
      const { issuedAt: _issuedAt, ...claims } = result;
      return claims;
    }
    return result;
  }

  private async verifySignature(token: string, now: Date): Promise<(VerifiedToken & { issuedAt: number }) | { problem: string }> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: this.cfg.issuer,
        algorithms: ['HS256'],
        currentDate: now,
        requiredClaims: REQUIRED_CLAIMS,
      });
      const { sub, jti, gen, iat, exp } = payload;
      if (typeof sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(sub)) return { problem: INVALID };
      if (typeof jti !== 'string' || !/^[0-9a-f-]{36}$/i.test(jti)) return { problem: INVALID };
      if (typeof gen !== 'number' || !Number.isSafeInteger(gen) || gen < 1) return { problem: INVALID };
      if (typeof iat !== 'number' || iat > now.getTime() / 1000 + IAT_LEEWAY_SECONDS) return { problem: INVALID };
      return { userId: sub, tokenId: jti, generation: gen, expiresAt: new Date(exp! * 1000), issuedAt: iat };
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_JWT_EXPIRED') return { problem: '登录已过期，请重新登录' };
      return { problem: INVALID };
    }
  }
}
