import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Locator, Page } from '@playwright/test';
import { SCREENSHOT_DIR, test, expect, loginAs, world } from './helpers';

/**
 * Documents from the console (issue #14): one click on a download button saves the file the API
 * lists — the legal opinion's PDF from the review workspace, a register's XLSX from a list — with
 * the server's Chinese file name and real content; a drafter of another department is offered no
 * download of the first department's records, and the address itself refuses them.
 */

/** Clicks a download button and waits for the browser's download: its file name and bytes. */
async function downloadBy(page: Page, button: Locator): Promise<{ download: Download; name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(await download.failure()).toBeNull();
  const file = await download.path();
  return { download, name: download.suggestedFilename(), bytes: readFileSync(file) };
}

test('the advisor downloads the opinion as PDF and the review register as XLSX, one click each', async ({ page }) => {
  const w = world();
  await loginAs(page, 'advisor');
  await page.goto(`/advisor/reviews/${w.jjfz.reviewId}`);
  const opinion = page.getByTestId('opinion-1');
  await expect(opinion).toBeVisible();
  await expect(opinion.getByTestId('download-legal-opinion-docx')).toBeVisible();

  const pdf = await downloadBy(page, opinion.getByTestId('download-legal-opinion-pdf'));
  expect(pdf.name).toMatch(/^法律意见书-.+-1\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.bytes.length).toBeGreaterThan(5_000);
  // Kept with the screenshots: docs/screenshots/opinion-pdf.png is its first page (rendered outside the suite).
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await pdf.download.saveAs(path.join(SCREENSHOT_DIR, 'legal-opinion.pdf'));

  await page.goto('/advisor/queue');
  const xlsx = await downloadBy(page, page.getByTestId('download-review-register-xlsx'));
  expect(xlsx.name).toMatch(/^合法性审查登记簿-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  expect(sheet.rowCount).toBeGreaterThan(1); // the header and the world's reviews
  expect(sheet.getRow(1).getCell(1).value).toBe('审查编号');
  expect(sheet.getColumn(3).values.map(String)).toContain('电竞产业扶持办法'); // the world's JJFZ proposal, under review
});

test('a drafter of another department is offered no download of the first department’s records, and the address refuses them', async ({ page }) => {
  const w = world();
  // The first department's drafter sees the opinion's downloads on the proposal's review section …
  await loginAs(page, 'drafter');
  await page.goto(`/drafter/proposals/${w.jjfz.proposalId}`);
  await page.getByRole('tab', { name: /合法性审查/ }).click();
  await expect(page.getByTestId('opinion-1-documents').first()).toBeVisible();
  await expect(page.getByTestId('opinion-1-documents').first().getByTestId('download-legal-opinion-pdf')).toBeVisible();
  await page.context().clearCookies();

  // … the other department's drafter sees the refusal and no download button at all.
  await loginAs(page, 'drafter2');
  await page.goto(`/drafter/proposals/${w.jjfz.proposalId}`);
  await expect(page.getByText(/无权查看该决策建议|决策建议不存在/)).toBeVisible();
  await expect(page.locator('[data-testid^="download-"]')).toHaveCount(0);
  // The address of the opinion's PDF, with the same session cookie: refused.
  const direct = await page.request.get(`/documents/legal-opinion/${w.jjfz.opinionId}.pdf`);
  expect(direct.status()).toBe(403);
  expect(((await direct.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');

  // Their contract register holds their own department's contracts only: none of the first department's.
  await page.goto('/drafter/contracts');
  const xlsx = await downloadBy(page, page.getByTestId('download-contract-register-xlsx'));
  expect(xlsx.name).toMatch(/^合同登记簿-.*\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const cells = book.worksheets[0]!.getSheetValues().flat().map(String).join('|');
  expect(cells).not.toContain('电竞场馆租赁合同');
});
