// Copies the browser suite's representative screenshots (test-results/screenshots) to docs/screenshots.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const from = path.join(root, 'test-results', 'screenshots');
const to = path.join(root, 'docs', 'screenshots');
const names = process.argv.slice(2).length ? process.argv.slice(2) : ['drafter-work-list', 'drafter-proposal-detail', 'login-refused', 'explorer'];
fs.mkdirSync(to, { recursive: true });
for (const name of names) {
  const file = path.join(from, `${name}.png`);
  if (!fs.existsSync(file)) {
    console.error(`missing ${file}: run npm run test:browser first`);
    process.exitCode = 1;
    continue;
  }
  fs.copyFileSync(file, path.join(to, `${name}.png`));
  console.log(`docs/screenshots/${name}.png`);
}
