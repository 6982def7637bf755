import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, signIn, signOut, startJourney, screenshotter, type Journey } from '../support/browser';
import { ROOT, type TestApp } from '../support/test-app';

const FIXTURES = path.join(ROOT, 'test/fixtures/xlsx');

/**
 * The RAD matrix in Excel, as the issue describes it: the planner imports the region's existing
 * matrix (checked first, with a preview of the activities and of the institution that will be
 * added), saves it as a new plan and lands on it; a matrix with an amount that is not rupiah is
 * refused cell by cell; and any plan downloads as the matrix workbook.
 */
describe('RAD matrix import and export: preview, save as a new plan, a refused file, the download', () => {
  let journey: Journey | undefined;
  let t: TestApp;
  let page: Page;
  let base: string;
  const shot = screenshotter('import', () => page);

  beforeAll(async () => {
    journey = await startJourney();
    ({ t, page, base } = journey);
  });
  afterAll(() => journey?.close());

  it('the planner opens Rencana Aksi → Impor, checks the matrix and sees the preview', async () => {
    await signIn(page, base, 'bappeda@demo.sinergi.id');
    await page.click('a[data-testid=nav-rencana-aksi]');
    await page.click('[data-testid=plan-import]');
    await page.waitForURL(/\/rencana-aksi\/impor$/);
    await page.setInputFiles('#import-file', path.join(FIXTURES, 'ok/rad-kupang-dua-baris.xlsx'));
    expect(await page.textContent('[data-testid=import-file-info]')).toContain('rad-kupang-dua-baris.xlsx');
    await page.click('[data-testid=import-check]');
    const preview = page.locator('[data-testid=import-preview]');
    await preview.waitFor();
    const rows = preview.locator('[data-testid=import-row]');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('Sosialisasi migrasi aman di desa kantong PMI');
    expect(await rows.first().textContent()).toContain('Rp 600.000.000');
    expect(await preview.locator('[data-testid=import-preview-period]').textContent()).toContain('2026–2028');
    expect(await preview.locator('[data-testid=import-preview-region]').textContent()).toContain('53.01');
    expect((await preview.locator('[data-testid=import-preview-activities]').textContent())?.trim()).toBe('2');
    await preview.locator('[data-testid=import-new-institution]', { hasText: 'Kejaksaan Negeri Kupang' }).waitFor();
    await shot('1-preview');
  });

  it('saves it as a new plan and lands on it, with the activity and the total', async () => {
    await page.click('[data-testid=import-commit]');
    const uuid = /\/rencana-aksi\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
    await page.waitForURL(uuid);
    const id = uuid.exec(page.url())![1];
    const activity = page.locator('[data-testid=activity-row]', { hasText: 'Sosialisasi migrasi aman di desa kantong PMI' });
    await activity.first().waitFor();
    expect(await activity.count()).toBe(1);
    // Rp 600.000.000 + Rp 240.000.000
    await page.locator('[data-testid=plan-total]', { hasText: 'Rp 840.000.000' }).waitFor();
    expect(await page.textContent('[data-testid=plan-total]')).toContain('Rp 840.000.000');
    const [plan] = await t.sql<{ status: string; region_code: string }>('SELECT status, region_code FROM action_plan WHERE id = $1', [id]);
    expect(plan).toEqual({ status: 'draft', region_code: '53.01' });
    await shot('2-new-plan');
  });

  it('a matrix with an amount that is not rupiah is refused with the sheet, row and column; the file stays chosen', async () => {
    const plans = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM action_plan'))[0].n;
    await page.click('a[data-testid=nav-rencana-aksi]');
    await page.click('[data-testid=plan-import]');
    await page.setInputFiles('#import-file', path.join(FIXTURES, 'not-ok/jumlah-bukan-rupiah.xlsx'));
    await page.click('[data-testid=import-check]');
    const error = page.locator('[data-testid=import-error][data-row="6"][data-column="M"]');
    await error.first().waitFor();
    expect(await error.first().textContent()).toContain('1,5 jt');
    expect(await page.locator('[data-testid=import-preview]').count()).toBe(0);
    expect(await page.textContent('[data-testid=import-file-info]')).toContain('jumlah-bukan-rupiah.xlsx');
    expect(await page.isEnabled('[data-testid=import-check]')).toBe(true);
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM action_plan'))[0].n).toBe(plans);
    await shot('3-refused');
  });

  it('the demo plan downloads as the RAD matrix workbook', async () => {
    await page.click('a[data-testid=nav-rencana-aksi]');
    await page.locator('[data-testid=plan-row]', { hasText: 'RAD PP-TPPO Kabupaten Kupang 2026–2030' }).first().click();
    await page.waitForSelector('[data-testid=plan-total]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=plan-export]')]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(SCREENSHOTS, 'import-export.xlsx');
    await download.saveAs(file);
    // An xlsx is a zip archive.
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    await shot('4-export');
    await signOut(page);
  });
});
