import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';

/**
 * One typed, validated configuration object, read once at start-up and passed in.
 *
 * Infrastructure comes from environment variables. The rule numbers marked "(config)" in
 * domain-rules.md have defaults here and can be overridden without a code change through a JSON
 * file named by RULES_FILE (a partial object merged over the defaults), e.g.
 *   { "decision": { "consultationMinDays": 20 } }
 */

export type Environment = 'development' | 'test' | 'production';

/**
 * R-LR-2: the items a review package may require, per review subject type — what
 * `review.packages` chooses among. Each subject's review adapter says when an item is present and
 * names it in Chinese; a subject type is added here with its adapter.
 */
export const REVIEW_PACKAGE_ITEMS = {
  DECISION: ['DRAFT_EXPLANATION', 'LEGAL_BASIS', 'PROCEDURE_EXPLANATION'],
  CONTRACT: ['COUNTERPARTY', 'COUNTERPARTY_QUALIFICATION', 'LEGAL_BASIS', 'NEGOTIATION_RECORD', 'AMOUNT', 'TERM'],
  NORMATIVE_DOCUMENT: ['DRAFTING_EXPLANATION', 'LEGAL_BASIS', 'CONSULTATION_RECORD', 'FAIR_COMPETITION_REVIEW'],
} as const;

export type PackageSubjectType = keyof typeof REVIEW_PACKAGE_ITEMS;
export type PackageItem<T extends PackageSubjectType> = (typeof REVIEW_PACKAGE_ITEMS)[T][number];
export type ReviewPackages = { [T in PackageSubjectType]: PackageItem<T>[] };

/** Settings whose value is a list per key, each chosen from a fixed catalogue (validated by mergeRules). */
const LIST_CATALOGUES: Record<string, Record<string, readonly string[]>> = {
  'review.packages': REVIEW_PACKAGE_ITEMS,
};
/** R-ND-9 policies for a document released without a stated validity period. */
export const VALIDITY_WITHOUT_PERIOD = ['MAXIMUM', 'REFUSE'] as const;
export type ValidityWithoutPeriod = (typeof VALIDITY_WITHOUT_PERIOD)[number];

export interface RulesConfig {
  decision: {
    /** R-DEC-4: minimum public-consultation window in calendar days. */
    consultationMinDays: number;
    /** R-DEC-5: materials sent to hearing participants at least this many days before. */
    hearingMaterialsLeadDays: number;
    /** R-DEC-11: quorum is more than this share of the members present. */
    deliberationQuorumShare: number;
    /** R-DEC-14: publication due within this many working days of sign-off. */
    publicationDueWorkingDays: number;
  };
  review: {
    /** R-LR-3: the reviewer is guaranteed at least this many working days. */
    minReviewWorkingDays: number;
    /** R-LR-3: review due this many working days after acceptance. */
    reviewDueWorkingDays: number;
    /** R-LR-3: one extension of this many working days. */
    extensionWorkingDays: number;
    /** R-LR-6: a first review by the sponsor's own legal staff is required. */
    twoTierReview: boolean;
    /** R-LR-2: the package items each subject type is submitted with (every item by default). */
    packages: ReviewPackages;
  };
  normative: {
    /** R-ND-4: public comment window in days where businesses or the public are affected. */
    publicCommentMinDays: number;
    /** R-ND-4: public comment window in working days elsewhere, where the locality allows. */
    publicCommentMinWorkingDaysOther: number;
    /** R-ND-4: effective date at least this many days after publication unless urgent. */
    effectiveDelayMinDays: number;
    /** R-ND-6: filing due within this many calendar days of publication. */
    filingDueDays: number;
    /** R-ND-6: materials a filing must carry. */
    filingMaterials: string[];
    /** R-ND-7: correction (补正) due within this many days of a deferral. */
    correctionDueDays: number;
    /** R-ND-9: maximum validity in years. */
    validityMaxYears: number;
    /** R-ND-9: maximum validity in years for 暂行/试行 documents. */
    provisionalValidityMaxYears: number;
    /**
     * R-ND-9: a document released without a stated validity period gets the maximum (MAXIMUM, the
     * rule book's default), or its release is refused until one is stated (REFUSE).
     */
    validityWithoutPeriod: ValidityWithoutPeriod;
    /** R-ND-9: evaluation starts this many months before expiry. */
    evaluationLeadMonths: number;
    /** R-ND-5: registration number formats per issuer; {year} and {n} are replaced. */
    numberFormatStreetOffice: string;
    numberFormatPartyCommittee: string;
    /** R-ND-8: "due soon" means within this many days. */
    flagDueSoonDays: number;
  };
  enforcement: {
    /** R-EN-1: a fine on an individual of at least this many yuan makes the decision major. */
    majorFineIndividualYuan: number;
    /** R-EN-1: a fine on an organisation of at least this many yuan makes the decision major. */
    majorFineOrganisationYuan: number;
    /** R-EN-1: a confiscation of property worth at least this many yuan makes the decision major. */
    majorConfiscationValueYuan: number;
    /** R-EN-1: measures that make a decision major whatever the amount (values of ENFORCEMENT_MEASURE_KINDS). */
    majorMeasures: string[];
    /** R-EN-1: circumstances that make a decision major (values of MAJOR_CIRCUMSTANCES). */
    majorCircumstances: string[];
    /** R-EN-2: officers (each with an enforcement certificate) the case needs at least. */
    minOfficers: number;
    /** R-EN-4: review due this many working days after acceptance. */
    reviewDueWorkingDays: number;
    /** R-EN-4: one extension of at most this many working days. */
    extensionWorkingDays: number;
  };
  reminders: {
    /** R-NT-1: advisor and sponsor are reminded when a review is due within this many working days. */
    reviewDueWithinWorkingDays: number;
    /** R-NT-1: the sponsor is reminded when a public consultation closes within this many days. */
    consultationClosingWithinDays: number;
    /** R-NT-1: signer and sponsor are reminded when publication is due within this many working days. */
    publicationDueWithinWorkingDays: number;
  };
}

/** Measures of an enforcement decision (R-EN-1), as the rules configuration names them; the enforcement area's enum has the same values. */
export const ENFORCEMENT_MEASURE_KINDS = [
  'WARNING',
  'FINE',
  'CONFISCATION',
  'SUSPENSION_OF_PRODUCTION_OR_BUSINESS',
  'LICENCE_SUSPENSION',
  'LICENCE_REVOCATION',
  'ORDER_TO_CLOSE',
  'FORCED_DEMOLITION',
  'OTHER',
] as const;

/** Circumstances that can make an enforcement decision major (R-EN-1); the enforcement area's enum has the same values. */
export const MAJOR_CIRCUMSTANCES = ['MAJOR_PUBLIC_INTEREST', 'SOCIAL_RISK', 'HEARING_REQUIRED', 'COMPLEX_CASE'] as const;

export interface Config {
  env: Environment;
  host: string;
  port: number;
  /** External PostgreSQL, as the app role; when absent the embedded database is used. */
  databaseUrl: string | null;
  /** External PostgreSQL as the owner role, for migrations and grants; when absent DATABASE_URL migrates. */
  databaseOwnerUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  databaseName: string;
  dbPoolMax: number;
  /** DB_ACQUIRE_TIMEOUT_MS: how long a request waits for a pooled connection before it is answered SERVICE_UNAVAILABLE. */
  dbAcquireTimeoutMs: number;
  jwt: { secret: string | null; ttlSeconds: number; issuer: string };
  login: {
    /** Per username (known or not): attempts reserved in a window before the name is locked. */
    maxFailures: number;
    windowSeconds: number;
    lockSeconds: number;
    /** Per client address: failed or in-flight attempts in a window before the address is locked; 0 = off. */
    perAddress: { maxFailures: number; windowSeconds: number; lockSeconds: number; exemptLoopback: boolean };
  };
  /**
   * Express `trust proxy`: false (the socket address is the client), a number of proxy hops, or a
   * list of trusted proxy addresses/subnets (`loopback`, `10.0.0.0/8` …) whose X-Forwarded-For is believed.
   */
  trustProxy: false | number | string[];
  graphql: {
    introspection: boolean;
    /**
     * GRAPHQL_EXECUTOR: "compiled" (default) runs each operation as JavaScript compiled once per query
     * text (graphql-jit, src/graphql/executor.ts); "graphql-js" interprets it with graphql-js's `execute`.
     */
    executor: 'compiled' | 'graphql-js';
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    /** Cost limit of one operation (src/graphql/cost.ts): list sizes multiply, long texts weigh more. */
    maxCost: number;
    /** What one long-text field (a draft's full text, an opinion, minutes) counts in the cost. */
    textFieldCost: number;
    /** The same response key at most this many times in one (merged) selection set. */
    maxFieldDuplicates: number;
    maxPageSize: number;
    defaultPageSize: number;
    /** Largest GraphQL request body of a signed-in caller (uploads go to POST /materials). */
    bodyLimitBytes: number;
    /** Callers without a verifiable token: body, token and cost limits applied before any other work. */
    anonymous: { bodyLimitBytes: number; maxTokens: number; maxCost: number };
  };
  timeZone: string;
  calendarDataFile: string | null;
  /** Official documents (src/documents): the organ named in their signature block and colophon (ORGAN_NAME). */
  documents: { organName: string };
  /** The web console: where its build lives (WEB_DIR, default dist/web) and how the session cookie is sent. */
  web: {
    dir: string;
    /** SESSION_COOKIE_SECURE: "auto" (Secure when the request came over HTTPS, trust proxy applied), "true" or "false". */
    cookieSecure: 'auto' | boolean;
  };
  materials: {
    /** Largest accepted upload. */
    maxBytes: number;
    /** "db": bytes in PostgreSQL; "fs": files named by their hash in `dir`. */
    storage: 'db' | 'fs';
    dir: string;
  };
  logLevel: string;
  /** PG_BIN_DIR: where `cli backup` / `cli restore` find pg_dump and pg_restore (only there when set). */
  pgBinDir: string | null;
  /** METRICS_TOKEN: a bearer token that opens /metrics to other hosts (without it: loopback only). */
  metricsToken: string | null;
  audit: AuditConfig;
  /** The background job runner (pg-boss in its own schema of the same database). */
  jobs: JobsConfig;
  /** Where notices go besides the in-app inbox. */
  notifications: NotificationsConfig;
  rules: RulesConfig;
}

export interface JobsConfig {
  /** JOBS_ENABLED: the server starts the job runner (scheduled scans, deliveries); off for servers that only answer requests. */
  enabled: boolean;
  /** REMINDER_SCAN_TIME: the daily reminder scan, HH:MM in TZ_BUSINESS. */
  reminderScanTime: string;
  /** NOTIFICATION_DIGEST_TIME: the daily digest of users who chose it, HH:MM in TZ_BUSINESS. */
  digestTime: string;
}

export interface NotificationsConfig {
  /** SMTP_URL: smtp:// or smtps:// URL of the mail server; without it e-mail cannot be chosen. */
  smtpUrl: string | null;
  /** SMTP_FROM: sender address of notices. */
  smtpFrom: string;
  /** WEBHOOK_SECRET: HMAC-SHA256 key of the X-Yunhu-Signature header; without it webhooks cannot be chosen. */
  webhookSecret: string | null;
  /** CONSOLE_URL: the console's public address, for links in e-mails and webhooks (default http://HOST:PORT). */
  consoleUrl: string;
  /** NOTIFICATION_MAX_ATTEMPTS: a delivery is tried this often before it is marked failed. */
  maxAttempts: number;
  /** NOTIFICATION_RETRY_SECONDS: first retry after this many seconds, doubling each time (at most one hour). */
  retrySeconds: number;
}

/** "HH:MM" (24-hour) or null. */
export function parseTimeOfDay(text: string): { hour: number; minute: number } | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

/** A key of the audit chain: its id (stored with each event) and its secret. */
export interface AuditKeyMaterial {
  id: string;
  secret: string;
}

export interface AuditConfig {
  /** AUDIT_KEY: the key new events and checkpoints are sealed with; required in production. */
  key: AuditKeyMaterial | null;
  /** Retired keys, one "<id>:<secret>" per line; without AUDIT_KEY (outside production) the first line signs. */
  keyringFile: string;
  /** Where signed checkpoints are written and read. */
  checkpointDir: string;
  /** The server writes a checkpoint this often (and at start and stop); 0: only at start and stop. */
  checkpointIntervalSeconds: number;
}

/** "<id>:<secret>", the id 1–32 of [A-Za-z0-9._-], the secret at least 32 characters; null when malformed. */
export function parseAuditKey(text: string): AuditKeyMaterial | null {
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const id = text.slice(0, colon).trim();
  const secret = text.slice(colon + 1).trim();
  if (!/^[A-Za-z0-9._-]{1,32}$/.test(id) || secret.length < 32) return null;
  return { id, secret };
}

export const DEFAULT_RULES: RulesConfig = {
  decision: {
    consultationMinDays: 30,
    hearingMaterialsLeadDays: 7,
    deliberationQuorumShare: 0.5,
    publicationDueWorkingDays: 20,
  },
  review: {
    minReviewWorkingDays: 7,
    reviewDueWorkingDays: 10,
    extensionWorkingDays: 10,
    twoTierReview: false,
    packages: Object.fromEntries(Object.entries(REVIEW_PACKAGE_ITEMS).map(([type, items]) => [type, [...items]])) as ReviewPackages,
  },
  normative: {
    publicCommentMinDays: 30,
    publicCommentMinWorkingDaysOther: 7,
    effectiveDelayMinDays: 30,
    filingDueDays: 30,
    filingMaterials: ['FILING_REPORT', 'OFFICIAL_TEXT', 'DRAFTING_EXPLANATION', 'LEGAL_BASIS_STATEMENT'],
    correctionDueDays: 15,
    validityMaxYears: 5,
    provisionalValidityMaxYears: 2,
    validityWithoutPeriod: 'MAXIMUM',
    evaluationLeadMonths: 6,
    numberFormatStreetOffice: '云湖街规〔{year}〕{n}号',
    numberFormatPartyCommittee: '云湖街党规〔{year}〕{n}号',
    flagDueSoonDays: 7,
  },
  enforcement: {
    majorFineIndividualYuan: 10000,
    majorFineOrganisationYuan: 100000,
    majorConfiscationValueYuan: 100000,
    majorMeasures: ['SUSPENSION_OF_PRODUCTION_OR_BUSINESS', 'LICENCE_REVOCATION', 'ORDER_TO_CLOSE'],
    majorCircumstances: ['MAJOR_PUBLIC_INTEREST', 'SOCIAL_RISK', 'HEARING_REQUIRED', 'COMPLEX_CASE'],
    minOfficers: 2,
    reviewDueWorkingDays: 5,
    extensionWorkingDays: 5,
  },
  reminders: {
    reviewDueWithinWorkingDays: 3,
    consultationClosingWithinDays: 3,
    publicationDueWithinWorkingDays: 5,
  },
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`配置无效 (invalid configuration):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  str(name: string, fallback: string): string {
    const v = this.env[name];
    return v === undefined || v === '' ? fallback : v;
  }

  optional(name: string): string | null {
    const v = this.env[name];
    return v === undefined || v === '' ? null : v;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^-?\d+$/.test(raw.trim())) {
      this.problems.push(`${name}=${JSON.stringify(raw)} is not an integer`);
      return fallback;
    }
    const n = Number(raw);
    if (n < min || n > max) this.problems.push(`${name}=${n} is outside ${min}..${max}`);
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    this.problems.push(`${name}=${JSON.stringify(raw)} is not a boolean (true/false)`);
    return fallback;
  }
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: unset/false = no proxy; a whole number = that many proxy hops; otherwise a comma list
 * of proxy addresses, subnets (CIDR) or the names loopback/linklocal/uniquelocal. `true` (believe
 * any X-Forwarded-For) is refused: every client could then choose its own address.
 */
export function readTrustProxy(raw: string | null, problems: string[]): false | number | string[] {
  if (raw === null || /^(false|off|no|0)$/i.test(raw.trim())) return false;
  const v = raw.trim();
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) problems.push(`TRUST_PROXY=${v}: at most 10 proxy hops`);
    return hops;
  }
  if (/^(true|on|yes)$/i.test(v)) {
    problems.push('TRUST_PROXY=true would believe any X-Forwarded-For header; name the proxies (e.g. loopback or 10.0.0.0/8) or a hop count');
    return false;
  }
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
  for (const item of list) {
    if (PROXY_NAMES.has(item)) continue;
    const [addr, bits, extra] = item.split('/');
    const family = isIP(addr ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !bitsOk || extra !== undefined) problems.push(`TRUST_PROXY: ${JSON.stringify(item)} is not an address, subnet or loopback/linklocal/uniquelocal`);
  }
  return list;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Merges a partial rules object over the defaults, checking every key and type. */
export function mergeRules(base: RulesConfig, override: unknown, problems: string[]): RulesConfig {
  const out = JSON.parse(JSON.stringify(base)) as RulesConfig;
  if (override === undefined || override === null) return out;
  if (!isPlainObject(override)) {
    problems.push('rules must be a JSON object');
    return out;
  }
  for (const [section, values] of Object.entries(override)) {
    const target = (out as unknown as Record<string, Record<string, unknown>>)[section];
    if (!target) {
      problems.push(`rules.${section} is not a known rule section`);
      continue;
    }
    if (!isPlainObject(values)) {
      problems.push(`rules.${section} must be an object`);
      continue;
    }
    for (const [key, value] of Object.entries(values)) {
      if (!(key in target)) {
        problems.push(`rules.${section}.${key} is not a known rule setting`);
        continue;
      }
      const current = target[key];
      const where = `rules.${section}.${key}`;
      if (typeof current === 'number') {
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
          problems.push(`${where} must be a non-negative number`);
          continue;
        }
      } else if (typeof current === 'boolean') {
        if (typeof value !== 'boolean') {
          problems.push(`${where} must be true or false`);
          continue;
        }
      } else if (typeof current === 'string') {
        if (typeof value !== 'string' || value.length === 0 || value.length > 100) {
          problems.push(`${where} must be a non-empty string`);
          continue;
        }
        if (key.startsWith('numberFormat') && !(value.includes('{n}') && value.includes('{year}'))) {
          problems.push(`${where} must contain {year} and {n}`);
          continue;
        }
        if (key === 'validityWithoutPeriod' && !(VALIDITY_WITHOUT_PERIOD as readonly string[]).includes(value)) {
          problems.push(`${where} must be ${VALIDITY_WITHOUT_PERIOD.join(' or ')}`);
          continue;
        }
      } else if (Array.isArray(current)) {
        if (!Array.isArray(value) || !value.every((x) => typeof x === 'string' && x.length > 0)) {
          problems.push(`${where} must be a list of non-empty strings`);
          continue;
        }
      } else if (isPlainObject(current)) {
        mergeListCatalogue(current, value, `${section}.${key}`, problems);
        continue;
      }
      target[key] = value;
    }
  }
  const known = (where: string, values: string[], allowed: readonly string[], what: string) => {
    for (const v of values) if (!allowed.includes(v)) problems.push(`rules.enforcement.${where}: ${v} is not ${what}`);
  };
  known('majorMeasures', out.enforcement.majorMeasures, ENFORCEMENT_MEASURE_KINDS, 'a measure kind');
  known('majorCircumstances', out.enforcement.majorCircumstances, MAJOR_CIRCUMSTANCES, 'a circumstance');
  for (const key of ['reviewDueWorkingDays', 'minOfficers'] as const) {
    if (out.enforcement[key] < 1) problems.push(`rules.enforcement.${key} must be at least 1`);
  }
  const share = out.decision.deliberationQuorumShare;
  if (share <= 0 || share >= 1) problems.push('rules.decision.deliberationQuorumShare must be between 0 and 1');
  for (const [section, values] of Object.entries(out)) {
    for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
      if (typeof value === 'number' && key !== 'deliberationQuorumShare' && !Number.isInteger(value)) {
        problems.push(`rules.${section}.${key} must be a whole number`);
      }
    }
  }
  return out;
}

/**
 * A setting holding one list per key, each item from the setting's catalogue (e.g. `review.packages`:
 * per subject type, its package items). A key given replaces its list; keys not given keep theirs.
 */
function mergeListCatalogue(target: Record<string, unknown>, value: unknown, setting: string, problems: string[]): void {
  const catalogue = LIST_CATALOGUES[setting] ?? {};
  const where = `rules.${setting}`;
  if (!isPlainObject(value)) {
    problems.push(`${where} must be an object of lists (${Object.keys(catalogue).join(', ')})`);
    return;
  }
  for (const [k, list] of Object.entries(value)) {
    const allowed = catalogue[k];
    if (!allowed) {
      problems.push(`${where}.${k} is not one of ${Object.keys(catalogue).join(', ')}`);
      continue;
    }
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) {
      problems.push(`${where}.${k} must be a list of ${allowed.join(', ')}`);
      continue;
    }
    const unknown = list.filter((x) => !allowed.includes(x));
    const twice = list.filter((x, i) => list.indexOf(x) !== i);
    if (unknown.length) problems.push(`${where}.${k}: ${unknown.join(', ')} not among ${allowed.join(', ')}`);
    if (twice.length) problems.push(`${where}.${k}: ${[...new Set(twice)].join(', ')} listed twice`);
    if (!unknown.length && !twice.length) target[k] = [...list];
  }
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const r = new Reader(env);
  const rawEnv = r.str('NODE_ENV', 'development');
  let envName: Environment = 'development';
  if (rawEnv === 'development' || rawEnv === 'test' || rawEnv === 'production') envName = rawEnv;
  else r.problems.push(`NODE_ENV=${JSON.stringify(rawEnv)} must be development, test or production`);

  const jwtSecret = r.optional('JWT_SECRET');
  if (jwtSecret !== null && jwtSecret.length < 32) r.problems.push('JWT_SECRET must be at least 32 characters');
  if (envName === 'production' && jwtSecret === null) r.problems.push('JWT_SECRET is required in production');

  const databaseUrl = r.optional('DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    r.problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const databaseOwnerUrl = r.optional('DATABASE_OWNER_URL');
  if (databaseOwnerUrl !== null && !/^postgres(ql)?:\/\//.test(databaseOwnerUrl)) {
    r.problems.push('DATABASE_OWNER_URL must start with postgres:// or postgresql://');
  }
  if (databaseOwnerUrl !== null && databaseUrl === null) r.problems.push('DATABASE_OWNER_URL needs DATABASE_URL (the app role)');

  const auditKeyText = r.optional('AUDIT_KEY');
  const auditKey = auditKeyText === null ? null : parseAuditKey(auditKeyText);
  if (auditKeyText !== null && auditKey === null) {
    r.problems.push('AUDIT_KEY must be "<key id>:<secret>": an id of 1-32 letters, digits, ".", "_" or "-", and a secret of at least 32 characters');
  }
  if (envName === 'production' && auditKeyText === null) r.problems.push('AUDIT_KEY is required in production');

  const timeZone = r.str('TZ_BUSINESS', 'Asia/Shanghai');
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
  } catch {
    r.problems.push(`TZ_BUSINESS=${JSON.stringify(timeZone)} is not a known time zone`);
  }

  const metricsToken = r.optional('METRICS_TOKEN');
  if (metricsToken !== null && metricsToken.length < 16) r.problems.push('METRICS_TOKEN must be at least 16 characters');

  const maxPageSize = r.int('GRAPHQL_MAX_PAGE_SIZE', 100, 1, 1000);
  const config: Config = {
    env: envName,
    host: r.str('HOST', '127.0.0.1'),
    port: r.int('PORT', 4000, 0, 65535),
    databaseUrl,
    databaseOwnerUrl,
    dataDir: path.resolve(cwd, r.str('DATA_DIR', '.data')),
    embeddedPgPort: r.int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
    databaseName: r.str('DATABASE_NAME', 'yunhu'),
    dbPoolMax: r.int('DB_POOL_MAX', 10, 1, 200),
    dbAcquireTimeoutMs: r.int('DB_ACQUIRE_TIMEOUT_MS', 5_000, 100, 120_000),
    jwt: {
      secret: jwtSecret,
      ttlSeconds: r.int('JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
      issuer: r.str('JWT_ISSUER', 'yunhu-review'),
    },
    login: {
      maxFailures: r.int('LOGIN_MAX_FAILURES', 5, 1, 1000),
      windowSeconds: r.int('LOGIN_WINDOW_SECONDS', 15 * 60, 1, 86400),
      lockSeconds: r.int('LOGIN_LOCK_SECONDS', 15 * 60, 1, 86400),
      perAddress: {
        maxFailures: r.int('LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 0, 100000),
        windowSeconds: r.int('LOGIN_ADDRESS_WINDOW_SECONDS', 15 * 60, 1, 86400),
        lockSeconds: r.int('LOGIN_ADDRESS_LOCK_SECONDS', 15 * 60, 1, 86400),
        exemptLoopback: r.bool('LOGIN_ADDRESS_EXEMPT_LOOPBACK', false),
      },
    },
    trustProxy: readTrustProxy(r.optional('TRUST_PROXY'), r.problems),
    graphql: {
      introspection: r.bool('GRAPHQL_INTROSPECTION', envName !== 'production'),
      executor: 'compiled',
      maxDepth: r.int('GRAPHQL_MAX_DEPTH', 10, 2, 100),
      maxAliases: r.int('GRAPHQL_MAX_ALIASES', 15, 1, 1000),
      maxTokens: r.int('GRAPHQL_MAX_TOKENS', 3000, 100, 100000),
      maxCost: r.int('GRAPHQL_MAX_COST', 20000, 100, 1_000_000_000),
      textFieldCost: r.int('GRAPHQL_TEXT_FIELD_COST', 200, 1, 100000),
      maxFieldDuplicates: r.int('GRAPHQL_MAX_FIELD_DUPLICATES', 5, 1, 1000),
      maxPageSize,
      defaultPageSize: Math.min(r.int('GRAPHQL_DEFAULT_PAGE_SIZE', 20, 1, 1000), maxPageSize),
      bodyLimitBytes: r.int('GRAPHQL_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 16 * 1024 * 1024),
      anonymous: {
        bodyLimitBytes: r.int('GRAPHQL_ANON_BODY_LIMIT_BYTES', 16 * 1024, 512, 1024 * 1024),
        maxTokens: r.int('GRAPHQL_ANON_MAX_TOKENS', 500, 20, 100000),
        maxCost: r.int('GRAPHQL_ANON_MAX_COST', 100, 1, 10000000),
      },
    },
    timeZone,
    calendarDataFile: r.optional('CALENDAR_DATA_FILE'),
    documents: { organName: r.str('ORGAN_NAME', '白云湖街道办事处') },
    web: {
      dir: path.resolve(cwd, r.str('WEB_DIR', path.join('dist', 'web'))),
      cookieSecure: readCookieSecure(r.str('SESSION_COOKIE_SECURE', 'auto'), r.problems),
    },
    materials: {
      maxBytes: r.int('MATERIAL_MAX_BYTES', 10 * 1024 * 1024, 1024, 200 * 1024 * 1024),
      storage: 'db',
      dir: path.resolve(cwd, r.str('MATERIAL_DIR', path.join(r.str('DATA_DIR', '.data'), 'materials'))),
    },
    logLevel: r.str('LOG_LEVEL', envName === 'test' ? 'silent' : 'info'),
    pgBinDir: r.optional('PG_BIN_DIR'),
    metricsToken,
    audit: {
      key: auditKey,
      keyringFile: path.resolve(cwd, r.str('AUDIT_KEYRING_FILE', path.join(r.str('DATA_DIR', '.data'), 'audit.keyring'))),
      checkpointDir: path.resolve(cwd, r.str('AUDIT_CHECKPOINT_DIR', path.join(r.str('DATA_DIR', '.data'), 'audit-checkpoints'))),
      checkpointIntervalSeconds: r.int('AUDIT_CHECKPOINT_INTERVAL_SECONDS', 3600, 0, 7 * 86400),
    },
    jobs: {
      enabled: r.bool('JOBS_ENABLED', true),
      reminderScanTime: r.str('REMINDER_SCAN_TIME', '07:30'),
      digestTime: r.str('NOTIFICATION_DIGEST_TIME', '08:00'),
    },
    notifications: {
      smtpUrl: r.optional('SMTP_URL'),
      smtpFrom: r.str('SMTP_FROM', 'yunhu-review@localhost'),
      webhookSecret: r.optional('WEBHOOK_SECRET'),
      consoleUrl: r.str('CONSOLE_URL', ''),
      maxAttempts: r.int('NOTIFICATION_MAX_ATTEMPTS', 6, 1, 50),
      retrySeconds: r.int('NOTIFICATION_RETRY_SECONDS', 60, 1, 3600),
    },
    rules: DEFAULT_RULES,
  };
  for (const [name, value] of [['REMINDER_SCAN_TIME', config.jobs.reminderScanTime], ['NOTIFICATION_DIGEST_TIME', config.jobs.digestTime]] as const) {
    if (!parseTimeOfDay(value)) r.problems.push(`${name}=${JSON.stringify(value)} must be a time of day HH:MM`);
  }
  if (config.notifications.smtpUrl !== null && !/^smtps?:\/\//.test(config.notifications.smtpUrl)) r.problems.push('SMTP_URL must start with smtp:// or smtps://');
  if (config.notifications.webhookSecret !== null && config.notifications.webhookSecret.length < 32) r.problems.push('WEBHOOK_SECRET must be at least 32 characters');
  if (!config.notifications.consoleUrl) {
    const h = config.host.includes(':') ? `[${config.host}]` : config.host;
    config.notifications.consoleUrl = `http://${h}:${config.port}`;
  } else if (!/^https?:\/\//.test(config.notifications.consoleUrl)) r.problems.push('CONSOLE_URL must start with http:// or https://');
  config.notifications.consoleUrl = config.notifications.consoleUrl.replace(/\/+$/, '');
  const executor = r.str('GRAPHQL_EXECUTOR', 'compiled');
  if (executor === 'compiled' || executor === 'graphql-js') config.graphql.executor = executor;
  else r.problems.push(`GRAPHQL_EXECUTOR=${JSON.stringify(executor)} must be compiled or graphql-js`);
  const storage = r.str('MATERIAL_STORAGE', 'db');
  if (storage === 'db' || storage === 'fs') config.materials.storage = storage;
  else r.problems.push(`MATERIAL_STORAGE=${JSON.stringify(storage)} must be db or fs`);
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    r.problems.push(`LOG_LEVEL=${JSON.stringify(config.logLevel)} is not a pino level`);
  }

  const rulesFile = r.optional('RULES_FILE');
  let override: unknown = undefined;
  if (rulesFile !== null) {
    try {
      override = JSON.parse(readFileSync(path.resolve(cwd, rulesFile), 'utf8'));
    } catch (e) {
      r.problems.push(`RULES_FILE ${rulesFile} cannot be read as JSON: ${(e as Error).message}`);
    }
  }
  config.rules = mergeRules(DEFAULT_RULES, override, r.problems);

  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}

function readCookieSecure(value: string, problems: string[]): 'auto' | boolean {
  if (value === 'auto') return 'auto';
  if (value === 'true') return true;
  if (value === 'false') return false;
  problems.push(`SESSION_COOKIE_SECURE=${JSON.stringify(value)} must be auto, true or false`);
  return 'auto';
}
