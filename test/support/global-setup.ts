import 'reflect-metadata';
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { Client } from 'pg';
import { execFileSync } from 'node:child_process';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded';
import { createLogger } from '../../src/core/logger';
import { TEMPLATE_DB } from './constants';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts one PostgreSQL for the whole run (embedded by default, TEST_DATABASE_URL for an external
 * server), applies every migration to an empty template database and seeds the demo street office
 * into it. Each test file then clones the template (CREATE DATABASE … TEMPLATE), so tests never
 * share rows.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), 'yunhu-test-'));
    chmodSync(dir, 0o755);
    const embedded: EmbeddedDatabase = await startEmbeddedDatabase({
      dataDir: dir,
      port: await freePort(),
      logger: createLogger('warn'),
    });
    (globalThis as { __yunhuEmbedded?: EmbeddedDatabase }).__yunhuEmbedded = embedded;
    serverUrl = embedded.urlFor('postgres');
  }
  process.env.YUNHU_TEST_SERVER_URL = serverUrl;

  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB}`);
  await admin.query(`create database ${TEMPLATE_DB} encoding 'UTF8' template template0`);
  await admin.end();

  const url = new URL(serverUrl);
  url.pathname = `/${TEMPLATE_DB}`;
  execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'prepare-template.ts'), url.toString()],
    { stdio: ['ignore', 'inherit', 'inherit'], cwd: path.resolve(__dirname, '..', '..') },
  );
  process.stdout.write(`\n[test database ready in ${Date.now() - started} ms]\n`);
}
