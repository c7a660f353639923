// Jest transformer for dependencies published only as ES modules (jose): TypeScript turns their
// `import`/`export` into CommonJS and leaves modern class fields untouched (target ES2022).
const ts = require('typescript');
const crypto = require('node:crypto');

const options = {
  allowJs: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  useDefineForClassFields: true,
  sourceMap: false,
};

module.exports = {
  process(source, filename) {
    return { code: ts.transpileModule(source, { compilerOptions: options, fileName: filename }).outputText };
  },
  getCacheKey(source, filename) {
    return crypto.createHash('sha1').update(`esm-transform-1:${ts.version}:${filename}:${source}`).digest('hex');
  },
};
