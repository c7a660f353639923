import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Runs the CLI (src/cli/index.ts) against a test database, asynchronously: a synchronous spawn
 * would block this process's event loop, and with it the HTTP server under test. Pass a harness's
 * `cliEnv` (its audit key, checkpoint folder and owner URL); the data folder is never the repository's.
 */
export function runCli(
  args: string[],
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.resolve(__dirname, '../../src/cli/index.ts'), ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', JWT_SECRET: 'c'.repeat(40), LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'yunhu-cli-')), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
