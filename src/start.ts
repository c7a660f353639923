/**
 * The production entry (`npm start`, `npm run start:prod`): runs the bundled server
 * (dist/src/main.bundle.js, made by scripts/bundle-server.js) with V8's code cache.
 *
 * A start used to spend most of its time before the first request loading code: resolving and reading
 * ~1,500 modules, then parsing and compiling them. The bundle removes the first part; the code cache
 * removes most of the second: once the server is ready, the compiled code of everything the start ran
 * is written to `main.bundle.<id>.cache` (next to the bundle, or in CODE_CACHE_DIR) and the next start
 * hands it to V8 instead of compiling again. The id is a hash of the bundle's content (main.bundle.id,
 * written by the build): V8 itself checks only the source's length, Node's version and the flags, and
 * refuses a cache that fails them; that start then compiles as usual and writes a fresh one. A folder
 * the server may not write to only costs the gain, never the start. Without a bundle (a build that ran
 * tsc only), the modules load as compiled.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { onReady } from './core/ready';

const bundle = path.join(__dirname, 'main.bundle.js');
const CACHE_NAME = /^main\.bundle\.[0-9a-f]+\.cache$/;

/** Where this bundle's code cache lives, or null when the build left no id. */
function codeCachePath(env: NodeJS.ProcessEnv = process.env): string | null {
  let id: string;
  try {
    id = readFileSync(path.join(__dirname, 'main.bundle.id'), 'utf8').trim();
  } catch {
    return null;
  }
  if (!/^[0-9a-f]{8,64}$/.test(id)) return null;
  return path.join(env.CODE_CACHE_DIR || __dirname, `main.bundle.${id}.cache`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache through a temporary file (a second server starting meanwhile reads all or nothing)
 * and removes the caches of earlier bundles from the folder.
 */
function writeCache(file: string, data: Buffer): void {
  const dir = path.dirname(file);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    for (const f of readdirSync(dir)) if (CACHE_NAME.test(f) && f !== path.basename(file)) rmSync(path.join(dir, f), { force: true });
  } catch {
    // the gain is lost, never the start: nothing here may throw into the server
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
  }
}

function runBundle(): void {
  const cacheFile = codeCachePath();
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  const source = readFileSync(bundle, 'utf8');
  // The bundle holds no `import()` (scripts/bundle-server.js turns it into `require()`): on Node 20 a
  // dynamic import in code that came from the cache fails for want of its loader.
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected === true)) {
    onReady(() => writeCache(cacheFile, script.createCachedData()));
  }

  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  const wrapper = script.runInThisContext({ displayErrors: true }) as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, __dirname);
}

if (existsSync(bundle)) runBundle();
else require('./main');
