import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, DEFAULT_RULES, loadConfig } from '../../src/core/config';

function rulesFile(content: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rules-'));
  const file = path.join(dir, 'rules.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('configuration', () => {
  it('has the domain-rules defaults for every (config) number', () => {
    const c = loadConfig({});
    expect(c.rules).toEqual(DEFAULT_RULES);
    expect(c.rules.decision.consultationMinDays).toBe(30); // R-DEC-4
    expect(c.rules.decision.hearingMaterialsLeadDays).toBe(7); // R-DEC-5
    expect(c.rules.decision.deliberationQuorumShare).toBe(0.5); // R-DEC-11
    expect(c.rules.decision.publicationDueWorkingDays).toBe(20); // R-DEC-14
    expect(c.rules.review).toEqual({ minReviewWorkingDays: 7, reviewDueWorkingDays: 10, extensionWorkingDays: 10, twoTierReview: false, packages: DEFAULT_RULES.review.packages }); // R-LR-3, R-LR-6
    expect(c.rules.normative.filingDueDays).toBe(30); // R-ND-6
    expect(c.rules.normative.correctionDueDays).toBe(15); // R-ND-7
    expect(c.rules.normative.validityMaxYears).toBe(5); // R-ND-9
    expect(c.rules.normative.provisionalValidityMaxYears).toBe(2);
    expect(c.rules.normative.evaluationLeadMonths).toBe(6);
    expect(c.rules.normative.validityWithoutPeriod).toBe('MAXIMUM'); // R-ND-9: without a stated period the maximum applies
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(4000);
    expect(c.graphql.maxPageSize).toBe(100);
    expect(c.graphql.introspection).toBe(true);
  });

  it('has small request limits, tighter for anonymous callers (issue #10)', () => {
    const c = loadConfig({});
    expect(c.graphql.bodyLimitBytes).toBe(1024 * 1024);
    expect(c.graphql.anonymous).toEqual({ bodyLimitBytes: 16 * 1024, maxTokens: 500, maxCost: 100 });
    expect(c.graphql.maxFieldDuplicates).toBe(5);
    expect(c.graphql.textFieldCost).toBe(200);
    expect(c.graphql.executor).toBe('compiled');
    expect(loadConfig({ GRAPHQL_EXECUTOR: 'graphql-js' }).graphql.executor).toBe('graphql-js');
    const o = loadConfig({ GRAPHQL_ANON_BODY_LIMIT_BYTES: '4096', GRAPHQL_MAX_FIELD_DUPLICATES: '3', GRAPHQL_TEXT_FIELD_COST: '50' });
    expect([o.graphql.anonymous.bodyLimitBytes, o.graphql.maxFieldDuplicates, o.graphql.textFieldCost]).toEqual([4096, 3, 50]);
    expect(() => loadConfig({ GRAPHQL_BODY_LIMIT_BYTES: String(64 * 1024 * 1024) })).toThrow(/GRAPHQL_BODY_LIMIT_BYTES/);
    expect(() => loadConfig({ GRAPHQL_ANON_BODY_LIMIT_BYTES: '10' })).toThrow(/GRAPHQL_ANON_BODY_LIMIT_BYTES/);
  });

  it('takes PORT, HOST, DATABASE_URL and switches introspection off in production', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      DATABASE_OWNER_URL: 'postgres://o:p@db:5432/x',
      NODE_ENV: 'production',
      JWT_SECRET: 'k'.repeat(32),
      AUDIT_KEY: `k2026:${'s'.repeat(32)}`,
    });
    expect(c.port).toBe(8080);
    expect(c.databaseOwnerUrl).toBe('postgres://o:p@db:5432/x');
    expect(c.audit.key).toEqual({ id: 'k2026', secret: 's'.repeat(32) });
    expect(c.host).toBe('0.0.0.0');
    expect(c.databaseUrl).toBe('postgres://u:p@db:5432/x');
    expect(c.graphql.introspection).toBe(false);
  });

  it('overrides rule numbers from RULES_FILE without a code change', () => {
    const c = loadConfig({ RULES_FILE: rulesFile({ decision: { consultationMinDays: 20 }, review: { twoTierReview: true } }) });
    expect(c.rules.decision.consultationMinDays).toBe(20);
    expect(c.rules.review.twoTierReview).toBe(true);
    expect(c.rules.decision.hearingMaterialsLeadDays).toBe(7);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ NODE_ENV: 'prod' }, /NODE_ENV/],
    [{ NODE_ENV: 'production' }, /JWT_SECRET is required/],
    [{ JWT_SECRET: 'short' }, /at least 32/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ DATABASE_OWNER_URL: 'postgres://o@db/x' }, /DATABASE_OWNER_URL needs DATABASE_URL/],
    [{ NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(32) }, /AUDIT_KEY is required in production/],
    [{ AUDIT_KEY: 's'.repeat(40) }, /AUDIT_KEY must be "<key id>:<secret>"/],
    [{ AUDIT_KEY: 'k1:short' }, /AUDIT_KEY must be/],
    [{ AUDIT_CHECKPOINT_INTERVAL_SECONDS: '-1' }, /AUDIT_CHECKPOINT_INTERVAL_SECONDS/],
    [{ GRAPHQL_INTROSPECTION: 'maybe' }, /GRAPHQL_INTROSPECTION/],
    [{ GRAPHQL_EXECUTOR: 'jit' }, /GRAPHQL_EXECUTOR="jit" must be compiled or graphql-js/],
    [{ TZ_BUSINESS: 'Mars/Olympus' }, /time zone/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('stops start-up with a clear message on %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    [{ decision: { consultationMinDays: -1 } }, /non-negative/],
    [{ decision: { consultationMinDays: '30' } }, /non-negative/],
    [{ decision: { consultationMinDays: 29.5 } }, /whole number/],
    [{ decision: { deliberationQuorumShare: 1.5 } }, /between 0 and 1/],
    [{ decision: { unknownKnob: 1 } }, /not a known rule setting/],
    [{ planets: {} }, /not a known rule section/],
    [{ normative: { filingMaterials: [1] } }, /list of non-empty strings/],
    [[1, 2], /JSON object/],
    [{ normative: { numberFormatStreetOffice: '云湖街规第{n}号' } }, /\{year\} and \{n\}/],
    [{ normative: { validityWithoutPeriod: 'SOMETIMES' } }, /validityWithoutPeriod must be MAXIMUM or REFUSE/],
  ])('refuses a bad rules file %j', (content, message) => {
    expect(() => loadConfig({ RULES_FILE: rulesFile(content) })).toThrow(message);
  });

  it('chooses the review package items of each subject type (R-LR-2): a listed type replaces its list, the others keep theirs', () => {
    const packages = (c: ReturnType<typeof loadConfig>) => c.rules.review.packages;
    const defaults = packages(loadConfig({}));
    expect(defaults.CONTRACT).toEqual(['COUNTERPARTY', 'COUNTERPARTY_QUALIFICATION', 'LEGAL_BASIS', 'NEGOTIATION_RECORD', 'AMOUNT', 'TERM']);
    expect(defaults.NORMATIVE_DOCUMENT).toEqual(['DRAFTING_EXPLANATION', 'LEGAL_BASIS', 'CONSULTATION_RECORD', 'FAIR_COMPETITION_REVIEW']);
    expect(defaults.DECISION).toEqual(['DRAFT_EXPLANATION', 'LEGAL_BASIS', 'PROCEDURE_EXPLANATION']);
    const c = loadConfig({ RULES_FILE: rulesFile({ review: { packages: { CONTRACT: ['COUNTERPARTY', 'TERM'] } } }) });
    expect(packages(c).CONTRACT).toEqual(['COUNTERPARTY', 'TERM']);
    expect(packages(c).NORMATIVE_DOCUMENT).toEqual(defaults.NORMATIVE_DOCUMENT);
    expect(() => loadConfig({ RULES_FILE: rulesFile({ review: { packages: { SPACESHIP: [] } } }) })).toThrow(/rules.review.packages.SPACESHIP/);
    expect(() => loadConfig({ RULES_FILE: rulesFile({ review: { packages: { CONTRACT: ['WEATHER'] } } }) })).toThrow(/WEATHER/);
    expect(() => loadConfig({ RULES_FILE: rulesFile({ review: { packages: { CONTRACT: ['TERM', 'TERM'] } } }) })).toThrow(/twice/);
    expect(() => loadConfig({ RULES_FILE: rulesFile({ review: { packages: { CONTRACT: 'TERM' } } }) })).toThrow(/rules.review.packages.CONTRACT/);
    expect(() => loadConfig({ RULES_FILE: rulesFile({ review: { packages: [] } }) })).toThrow(/rules.review.packages/);
  });

  it('keeps today’s refusal of a release without a stated validity period as a policy (R-ND-9)', () => {
    expect(loadConfig({ RULES_FILE: rulesFile({ normative: { validityWithoutPeriod: 'REFUSE' } }) }).rules.normative.validityWithoutPeriod).toBe('REFUSE');
  });

  it('refuses an unreadable rules file', () => {
    expect(() => loadConfig({ RULES_FILE: '/nonexistent/rules.json' })).toThrow(/RULES_FILE/);
  });
});

describe('a Unix-socket DATABASE_URL', () => {
  it('reaches MikroORM as its host option, as pg and libpq read it from the URL', () => {
    const { ormOptions, socketHost } = jest.requireActual<typeof import('../../src/orm')>('../../src/orm');
    expect(socketHost('postgres://app:pw@localhost/yunhu?host=/run/postgresql')).toEqual({ host: '/run/postgresql', port: 5432 });
    expect(socketHost('postgres://app:pw@localhost:5433/yunhu?host=/run/postgresql')).toEqual({ host: '/run/postgresql', port: 5433 });
    expect(socketHost('postgres://app:pw@db.example/yunhu')).toBeNull();
    expect(socketHost('postgres://app:pw@db.example/yunhu?host=db2')).toBeNull();
    expect(ormOptions({ clientUrl: 'postgres://app:pw@localhost/yunhu?host=/run/postgresql', migrator: false })).toMatchObject({ host: '/run/postgresql', port: 5432 });
    expect(ormOptions({ clientUrl: 'postgres://app:pw@db.example/yunhu', migrator: false }).host).toBeUndefined();
  });
});
