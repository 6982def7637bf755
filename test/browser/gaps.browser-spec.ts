import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, signIn, signOut, startJourney, screenshotter, type Journey } from '../support/browser';

/**
 * The gap dashboard as the issue describes it: the planner opens it, filters UNFUNDED, drills down
 * to an activity's budget lines, and downloads the workbook.
 */
describe('gap dashboard journey: filter unfunded, drill down, download', () => {
  let journey: Journey | undefined;
  let page: Page;
  let base: string;
  const shot = screenshotter('gaps', () => page);

  beforeAll(async () => {
    journey = await startJourney();
    ({ page, base } = journey);
  });
  afterAll(() => journey?.close());

  it('the planner opens the dashboard and sees need against allocation', async () => {
    await signIn(page, base, 'bappeda@demo.sinergi.id');
    await page.click('a[data-testid=nav-kesenjangan]');
    const need = page.locator('[data-testid=gap-total][data-kind=need]');
    await need.waitFor();
    await page.selectOption('#gap-year', '2026');
    // Demo plan, 2026: 150 + 120 + 60 + 75 + 180 + 220 + 50 + 90 + 45 + 100 (juta) = 1.090.000.000
    await page.locator('[data-testid=gap-total][data-kind=need]', { hasText: 'Rp 1.090.000.000' }).waitFor();
    await page.locator('[data-testid=gap-chart-strategy] [data-testid=gap-bar]').first().waitFor();
    expect(await page.locator('[data-testid=gap-activity]').count()).toBe(10);
    // Next year's unfunded activities with the planning step that can still carry them.
    if (new Date().getUTCFullYear() + 1 <= 2030) {
      const training = page.locator('[data-testid=gap-deadline][data-code="5.1"]');
      await training.waitFor();
      expect(await training.textContent()).toContain('Polres Kupang');
    }
    await shot('1-dashboard');
  });

  it('filters UNFUNDED and drills down from an activity to its budget lines', async () => {
    await page.click('[data-testid=gap-flag][data-flag=UNFUNDED]');
    await page.locator('[data-testid=gap-flag][data-flag=UNFUNDED][aria-pressed=true]').waitFor();
    // Every row left carries the flag (the others are gone once the filtered report arrives).
    await page.locator('[data-testid=gap-activity]:not([data-flags~="UNFUNDED"])').first().waitFor({ state: 'detached' });
    const unfunded = await page.locator('[data-testid=gap-activity]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(unfunded.length).toBeLessThan(10);
    expect(unfunded).toContain('5.1'); // Polres's training: nothing entered
    expect(unfunded).not.toContain('1.1'); // DP3A's demo DPA line funds it
    await shot('2-unfunded');

    // Back to all, drill down to the prevention activity: DP3A's DPA line is there.
    await page.click('[data-testid=gap-flag][data-flag=UNFUNDED]');
    const prevention = page.locator('[data-testid=gap-activity][data-code="1.1"]');
    await prevention.waitFor();
    await prevention.locator('[data-testid=gap-activity-lines]').click();
    const line = page.locator('[data-testid=gap-line][data-code="2.08.03.2.01.0009"]');
    await line.waitFor();
    expect(await line.textContent()).toContain('Rp 100.000.000');
    await shot('3-drilldown');
  });

  it('downloads the report as gaps.xlsx with the dashboard\'s numbers', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=gap-download]')]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(SCREENSHOTS, 'gaps-download.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    // exceljs types ask for an ArrayBuffer; at run time it reads a Node Buffer.
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Kegiatan')!;
    expect(sheet.getRow(sheet.rowCount).getCell(4).value).toBe(1090000000);
    await signOut(page);
  });
});
