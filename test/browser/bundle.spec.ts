import { test, expect } from '@playwright/test';
import { firstPageJavaScript } from './bundle-size';

/** Budget of the console's first page (index.html and its static imports; role areas load lazily). */
const FIRST_PAGE_BUDGET_GZIP = 400 * 1024;

test('the console’s first page loads at most 400 KB of JavaScript, gzipped', () => {
  const r = firstPageJavaScript();
  console.log(`first page: ${(r.totalGzip / 1024).toFixed(1)} KB gzipped (${r.files.map((f) => f.file).join(', ')})`);
  expect(r.totalGzip).toBeLessThanOrEqual(FIRST_PAGE_BUDGET_GZIP);
});
