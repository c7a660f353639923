import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAuditKey, type AuditKeyMaterial, type Config } from './config';

/** The file's trimmed content; created with `make()` (mode 0600, folder made) when missing. */
export function readOrCreateSecretFile(file: string, make: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = make();
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * The JWT signing secret: JWT_SECRET when set (required in production). Outside production a
 * random secret is created once and kept in the data folder, so sign-ins survive restarts.
 */
export function resolveJwtSecret(config: Config): string {
  if (config.jwt.secret) return config.jwt.secret;
  if (config.env === 'production') throw new Error('JWT_SECRET is required in production');
  return readOrCreateSecretFile(path.join(config.dataDir, 'jwt.secret'), () => randomBytes(48).toString('base64url'));
}

/** The audit chain's keys: the one that seals new events and checkpoints, and every key that verifies. */
export interface AuditKeys {
  signing: AuditKeyMaterial;
  /** By id, the signing key included. */
  byId: ReadonlyMap<string, string>;
}

function readKeyring(file: string): AuditKeyMaterial[] {
  if (!existsSync(file)) return [];
  const keys: AuditKeyMaterial[] = [];
  for (const [i, raw] of readFileSync(file, 'utf8').split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const key = parseAuditKey(line);
    if (!key) throw new Error(`审计密钥文件 ${file} 第 ${i + 1} 行格式无效：应为 "<密钥编号>:<至少 32 个字符的密钥>"`);
    keys.push(key);
  }
  return keys;
}

/**
 * The audit keys. AUDIT_KEY signs (required in production); the keyring file (AUDIT_KEYRING_FILE,
 * default DATA_DIR/audit.keyring, one "<id>:<secret>" per line) holds retired keys that still
 * verify older events. Outside production, without AUDIT_KEY, the keyring file's first line signs
 * and the file is created with a random key on first start. The keys never enter the database.
 */
export function resolveAuditKeys(config: Config, now: Date = new Date()): AuditKeys {
  const file = config.audit.keyringFile;
  let keys = readKeyring(file);
  let signing: AuditKeyMaterial;
  if (config.audit.key) {
    signing = config.audit.key;
  } else if (config.env === 'production') {
    throw new Error('AUDIT_KEY is required in production');
  } else {
    if (keys.length === 0) {
      const id = `k${now.toISOString().slice(0, 10).replace(/-/g, '')}`;
      readOrCreateSecretFile(file, () => `${id}:${randomBytes(32).toString('base64url')}`);
      keys = readKeyring(file);
    }
    signing = keys[0]!;
  }
  const byId = new Map<string, string>();
  for (const k of [signing, ...keys]) {
    const known = byId.get(k.id);
    if (known !== undefined && known !== k.secret) throw new Error(`审计密钥编号 ${k.id} 对应两个不同的密钥（AUDIT_KEY 与 ${file}）；每个编号只能有一个密钥`);
    byId.set(k.id, k.secret);
  }
  return { signing, byId };
}
