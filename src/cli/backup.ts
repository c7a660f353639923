import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import { provideDatabase } from '../db/database';
import { Client } from 'pg';
import { currentRole } from '../db/privileges';
import { BackupError, countRelations, dumpDatabase, findTool, isCustomArchive, restoreDatabase, serverMajor } from '../db/backup';
import { migrateAndGrant } from '../runtime';

export const BACKUP_USAGE = `Usage: cli backup <file>

Writes the whole database (every table, the audit chain included) to <file> in pg_dump's custom
format, as the owner role (DATABASE_OWNER_URL, else DATABASE_URL; the embedded database by default).
Uses a pg_dump at least as new as the server: PG_BIN_DIR when set, else the embedded binaries, the
system's /usr/lib/postgresql/<major>/bin and PATH. Secrets (AUDIT_KEY and the keyring, JWT_SECRET),
audit checkpoints and MATERIAL_DIR (MATERIAL_STORAGE=fs) are not in the database: keep them too.
Exit codes: 0 written, 64 usage, 69 no suitable pg_dump, 1 failure.
`;

export const RESTORE_USAGE = `Usage: cli restore <file> [--force]

Restores a file written by \`cli backup\` into the configured database, which must be empty (a fresh
DATABASE_URL database, or a new DATA_DIR for the embedded one); then applies newer migrations and
the app role's grants. Run it with the server stopped. The whole file is read before the database
is touched, and the restore runs in one transaction (pg_restore's script through psql of the same
installation): a refused or failed restore leaves the database as it was.
  --force    replace what a database that already holds tables has (every table, view, sequence,
             function and type of the public schema, and the backup's other schemas, are dropped
             in the restore's transaction)
Exit codes: 0 restored, 64 usage, 65 database not empty, not a backup file or a damaged one,
66 no such file, 69 no suitable pg_restore (or no psql beside it), 1 failure.
`;

/** `cli backup` and `cli restore`: they work below the ORM, so they open the database without migrating it. */
export async function runBackupCommand(command: 'backup' | 'restore', args: string[], config: Config, logger: Logger): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${command === 'backup' ? BACKUP_USAGE : RESTORE_USAGE}`);
    return 64;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(command === 'backup' ? BACKUP_USAGE : RESTORE_USAGE);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1 || (command === 'backup' && values.force)) {
    process.stderr.write(command === 'backup' ? `请指定备份文件，如 cli backup yunhu.dump\n\n${BACKUP_USAGE}` : `请指定备份文件，如 cli restore yunhu.dump\n\n${RESTORE_USAGE}`);
    return 64;
  }
  if (command === 'restore') {
    if (!existsSync(file) || !statSync(file).isFile()) {
      process.stderr.write(`备份文件 ${file} 不存在\n`);
      return 66;
    }
    if (!(await isCustomArchive(file))) {
      process.stderr.write(`${file} 不是 cli backup 写出的备份文件（pg_dump 自定义格式）\n`);
      return 65;
    }
  }
  const db = await provideDatabase(config, logger, 'client');
  try {
    const ownerUrl = db.ownerUrl ?? db.clientUrl;
    const major = await serverMajor(ownerUrl);
    if (command === 'backup') {
      const tool = await findTool('pg_dump', major, config.pgBinDir);
      const target = path.resolve(file);
      await dumpDatabase(tool, ownerUrl, target);
      process.stdout.write(`备份已写入 (backup written): ${target}（${statSync(target).size} 字节，PostgreSQL ${major}）\n`);
      return 0;
    }
    const existing = await countRelations(ownerUrl);
    if (existing > 0 && !values.force) {
      process.stderr.write(`目标数据库不是空库（已有 ${existing} 个表、视图或序列），未恢复。请恢复到新建的空数据库；确需覆盖现有数据请加 --force\n`);
      return 65;
    }
    const tool = await findTool('pg_restore', major, config.pgBinDir);
    await restoreDatabase(tool, ownerUrl, path.resolve(file), { clear: existing > 0 });
    if (existing > 0) process.stdout.write(`已替换目标数据库原有的 ${existing} 个对象 (--force)\n`);
    // A backup of an older version is brought up to date; the app role gets its grants (the dump carries none).
    const app = new Client({ connectionString: db.clientUrl });
    await app.connect();
    let appRole: string;
    try {
      appRole = await currentRole(app);
    } finally {
      await app.end();
    }
    const applied = await migrateAndGrant(db.ownerUrl, db.clientUrl, appRole);
    process.stdout.write(`已从 ${file} 恢复 (restored)${applied.length ? `，并应用迁移：${applied.join(', ')}` : ''}\n`);
    process.stdout.write('请运行 audit-verify 校验审计链（需与备份时相同的 AUDIT_KEY 和密钥环）\n');
    return 0;
  } catch (e) {
    if (e instanceof BackupError) {
      process.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  } finally {
    await db.stop();
  }
}
