#!/usr/bin/env node
'use strict';
/**
 * Starts the built server (`npm start`) or runs a CLI command (`npm run cli -- …`) from `dist/`,
 * building first only when a source is newer than the last build — so a start or a CLI call on an
 * unchanged checkout runs no compiler. The server runs in this very process (no shell, no child):
 * SIGTERM and SIGINT sent to `npm start` reach its own handlers, which close the HTTP server, the
 * job runner, the pool and the embedded database.
 *
 *   node scripts/launch.js server [node options are taken from NODE_OPTIONS]
 *   node scripts/launch.js cli <command> [options]
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const STAMP = path.join(root, 'dist', '.build-stamp');
/** What a build reads: a change to any of these makes the next start build again. */
const INPUTS = ['src', 'migrations', 'schema', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'codegen.yml', 'scripts/bundle-server.js'];

/** The newest modification time under a file or folder (0 when it does not exist). */
function newest(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    max = Math.max(max, newest(path.join(p, entry)));
  }
  return max;
}

/** Whether dist/ is missing or older than a source; `what` names the first newer input. */
function staleInput() {
  let built = 0;
  try {
    built = fs.statSync(STAMP).mtimeMs;
  } catch {
    return 'no build yet';
  }
  for (const input of INPUTS) if (newest(path.join(root, input)) > built) return input;
  return null;
}

function buildIfStale() {
  if (process.env.YUNHU_NO_BUILD === '1') return;
  const why = staleInput();
  if (!why) return;
  process.stderr.write(`构建中（${why} 有更新）… building (${why} changed)\n`);
  const started = Date.now();
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('构建失败：请查看上面的错误。 build failed, see above\n');
    process.exit(r.status ?? 1);
  }
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  process.stderr.write(`构建完成 built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const [mode, ...rest] = process.argv.slice(2);
// the server: the bundle with V8's code cache (src/start.ts), as `npm run start:prod`
const entry = mode === 'server' ? 'dist/src/start.js' : mode === 'cli' ? 'dist/src/cli/index.js' : null;
if (!entry) {
  process.stderr.write('Usage: node scripts/launch.js server | cli <command> [options]\n');
  process.exit(64);
}
buildIfStale();
// The entry reads its arguments from process.argv, as when run as `node <entry> …`.
process.argv = [process.argv[0], path.join(root, entry), ...rest];
require(path.join(root, entry));
