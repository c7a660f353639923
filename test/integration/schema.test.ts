import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import { GraphQLObjectType } from 'graphql';
import { withEmptyDatabase } from '../support/harness';
import { getSchema, printSortedSchema } from '../../src/graphql/schema';
import { PUBLIC_FIELDS } from '../../src/graphql/auth';
import { Client } from 'pg';
import { migrationNames, pendingMigrations } from '../../src/orm';

describe('schema and migrations', () => {
  it('committed schema/schema.graphql is what the code emits (run `npm run schema`)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(await printSortedSchema()).toBe(committed);
  });

  it('every root query and mutation declares who may call it', async () => {
    const schema = await getSchema();
    const authorized = new Set(getMetadataStorage().authorizedFields.map((f) => `${f.target.name}.${f.fieldName}`));
    const undeclared: string[] = [];
    for (const rootType of [schema.getQueryType(), schema.getMutationType()] as GraphQLObjectType[]) {
      for (const fieldName of Object.keys(rootType.getFields())) {
        const resolverClass = getMetadataStorage().queries.concat(getMetadataStorage().mutations).find((q) => q.schemaName === fieldName);
        const key = `${resolverClass?.target.name}.${resolverClass?.methodName}`;
        if (!authorized.has(key) && !PUBLIC_FIELDS.has(key)) undeclared.push(`${rootType.name}.${fieldName}`);
      }
    }
    expect(undeclared).toEqual([]);
    expect([...PUBLIC_FIELDS]).toEqual(['AuthResolver.login']);
  });

  it('migrations apply to an empty database and agree with the entities', async () => {
    await withEmptyDatabase(async (orm) => {
      const applied = await orm.getMigrator().up();
      expect(applied.length).toBeGreaterThan(0);
      expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
      const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe('');
      const triggers: { tgname: string }[] = await orm.em
        .fork()
        .getConnection()
        .execute(`select tgname from pg_trigger where tgrelid = 'audit_event'::regclass order by 1`);
      expect(triggers.map((t) => t.tgname)).toEqual(['audit_event_no_truncate', 'audit_event_no_update_delete']);
    });
  });

  it('the start’s one-query check of pending migrations answers what the Migrator answers, before, midway and after', async () => {
    await withEmptyDatabase(async (orm) => {
      const c = new Client({ connectionString: String(orm.config.get('clientUrl')) });
      await c.connect();
      try {
        const migrator = orm.getMigrator();
        const names = migrationNames();
        expect(names.length).toBeGreaterThan(3);
        // no log table yet: every file is pending
        expect(await pendingMigrations(c)).toEqual(names);
        const viaMigrator = async () => (await migrator.getPendingMigrations()).map((m) => m.name).sort();
        expect(await viaMigrator()).toEqual(names);
        await migrator.up({ to: names[2] });
        expect(await pendingMigrations(c)).toEqual(names.slice(3));
        expect(await pendingMigrations(c)).toEqual(await viaMigrator());
        await migrator.up();
        expect(await pendingMigrations(c)).toEqual([]);
        expect(await viaMigrator()).toEqual([]);
      } finally {
        await c.end();
      }
    });
  });
});
