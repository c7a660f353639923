import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadDemoData } from '../../src/cli/seed';
import { FixedClock } from '../../src/core/clock';
import { loadConfig } from '../../src/core/config';
import { loadWorkingCalendar } from '../../src/calendar/load';
import { TokenService } from '../../src/identity/token';
import { createLogger } from '../../src/core/logger';
import { auditDeps } from './audit-deps';
import { DEMO_PASSWORD, TEST_AUDIT_KEY, TEST_NOW } from './constants';
import { GenerationCache } from '../../src/db/change-generation';

export async function seedTemplate(orm: MikroORM): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'x'.repeat(40),
    AUDIT_KEY: TEST_AUDIT_KEY,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'yunhu-seed-')),
  });
  await loadDemoData(
    orm,
    {
      config,
      clock: new FixedClock(new Date(TEST_NOW.getTime() - 86_400_000)),
      calendar: loadWorkingCalendar(null),
      logger: createLogger('silent'),
      tokens: new TokenService({ secret: 'x'.repeat(40), ttlSeconds: 3600, issuer: 'yunhu-review' }),
      audit: auditDeps(config),
      aggregates: new GenerationCache(),
    },
    { password: DEMO_PASSWORD },
  );
}
