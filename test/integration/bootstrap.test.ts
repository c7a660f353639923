import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FixedClock } from '../../src/core/clock';
import { loadConfig } from '../../src/core/config';
import { loadWorkingCalendar } from '../../src/calendar/load';
import { withEmptyDatabase } from '../support/harness';
import { TokenService } from '../../src/identity/token';
import { createLogger } from '../../src/core/logger';
import { createServices, type AppDeps } from '../../src/services';
import { AppError } from '../../src/core/errors';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { auditDeps } from '../support/audit-deps';
import { TEST_AUDIT_KEY } from '../support/constants';
import { GenerationCache } from '../../src/db/change-generation';

describe('first administrator (CLI create-admin)', () => {
  it('is created on an empty database, audited, and refused once users exist', async () => {
    await withEmptyDatabase(async (orm) => {
      await orm.getMigrator().up();
      const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'b'.repeat(40), AUDIT_KEY: TEST_AUDIT_KEY, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'yunhu-b-')) });
      const deps: AppDeps = {
        config,
        clock: new FixedClock(new Date('2026-03-05T02:00:00Z')),
        calendar: loadWorkingCalendar(null),
        logger: createLogger('silent'),
        tokens: new TokenService({ secret: 'b'.repeat(40), ttlSeconds: 60, issuer: 'yunhu-review' }),
        audit: auditDeps(config),
        aggregates: new GenerationCache(),
      };
      const input = { username: 'Root', displayName: '管理员', password: 'Bootstrap-2026', departmentCode: 'DZB', departmentName: '党政综合办公室' };
      await expect(createServices(orm.em.fork(), deps).users.bootstrapAdmin({ ...input, password: 'weak' })).rejects.toThrow(/至少需要 10/);
      const user = await createServices(orm.em.fork(), deps).users.bootstrapAdmin(input);
      expect(user.username).toBe('root');
      expect(user.roles).toEqual(['ADMIN']);
      const events = await orm.em.fork().find(AuditEvent, {}, { orderBy: { id: 'asc' } });
      expect(events.map((e) => [e.action, e.actorUsername])).toEqual([
        ['identity.department.create', 'system'],
        ['identity.user.bootstrap_admin', 'system'],
      ]);
      const again = createServices(orm.em.fork(), deps).users.bootstrapAdmin({ ...input, username: 'second' });
      await expect(again).rejects.toThrow(AppError);
      await expect(createServices(orm.em.fork(), deps).users.bootstrapAdmin({ ...input, username: 'second' })).rejects.toThrow(/已有用户/);
      const login = await createServices(orm.em.fork(), deps).signIn.login({ username: 'root', password: 'Bootstrap-2026' });
      expect(login.token).toMatch(/^ey/);
    });
  });

  it('creates one first administrator when eight create-admin runs race on an empty database', async () => {
    await withEmptyDatabase(async (orm) => {
      await orm.getMigrator().up();
      const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'b'.repeat(40), AUDIT_KEY: TEST_AUDIT_KEY, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'yunhu-b-')) });
      const deps: AppDeps = {
        config,
        clock: new FixedClock(new Date('2026-03-05T02:00:00Z')),
        calendar: loadWorkingCalendar(null),
        logger: createLogger('silent'),
        tokens: new TokenService({ secret: 'b'.repeat(40), ttlSeconds: 60, issuer: 'yunhu-review' }),
        audit: auditDeps(config),
        aggregates: new GenerationCache(),
      };
      const input = { displayName: '管理员', password: 'Bootstrap-2026', departmentCode: 'DZB', departmentName: '党政综合办公室' };
      const settled = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => createServices(orm.em.fork(), deps).users.bootstrapAdmin({ ...input, username: `root${i}` })),
      );
      expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
      for (const s of settled.filter((x) => x.status === 'rejected') as PromiseRejectedResult[]) expect(s.reason).toBeInstanceOf(AppError);
      expect(await orm.em.fork().getConnection().execute(`select id from app_user`)).toHaveLength(1);
      expect(await orm.em.fork().getConnection().execute(`select id from department`)).toHaveLength(1);
    });
  });
});
