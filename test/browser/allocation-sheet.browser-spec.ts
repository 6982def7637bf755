import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { signIn, signOut, startJourney, screenshotter, type Journey } from '../support/browser';
import type { TestApp } from '../support/test-app';

/** Column letters of the allocation sheet (libs/xlsx allocation-sheet.ts). */
const COL = { activityCode: 'A', year: 'C', budgetCode: 'E', stage: 'G', amount: 'H' } as const;

/** The row of the sheet for an activity and a fiscal year (column A = activity code, column C = year). */
function rowOf(ws: ExcelJS.Worksheet, activityCode: string, year: number): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (String(row.getCell(COL.activityCode).value ?? '').trim() === activityCode && Number(row.getCell(COL.year).value) === year) return row;
  }
  throw new Error(`no row for activity ${activityCode} in ${year}`);
}

/**
 * The allocation sheet round trip on the agency grid: the Dinas Sosial clerk downloads the sheet of
 * its activities × years, fills in the DPA line of the repatriation activity (3.1) for 2026 in Excel,
 * checks it (one new line), saves it and sees the grid cell covered; a sheet with a wrong stage is
 * refused row by row with nothing written and the file still chosen.
 */
describe('allocation sheet: download, fill in, check, save; a refused sheet', () => {
  let journey: Journey | undefined;
  let t: TestApp;
  let page: Page;
  let base: string;
  let dir: string;
  let downloaded: string;
  const shot = screenshotter('sheet', () => page);
  /** The grid cell of an activity and a year; `state` narrows it, e.g. `[data-status=none]`. */
  const cell = (code: string, year: number, state = '') =>
    page.locator(`[data-testid=grid-row][data-code="${code}"] [data-testid=grid-cell][data-year="${year}"]${state}`);

  beforeAll(async () => {
    journey = await startJourney();
    ({ t, page, base } = journey);
    dir = mkdtempSync(path.join(os.tmpdir(), 'sinergi-sheet-'));
  });
  afterAll(async () => {
    await journey?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the Dinas Sosial clerk downloads the allocation sheet of its activities', async () => {
    await signIn(page, base, 'dinsos@demo.sinergi.id');
    await page.click('a[data-testid=nav-penandaan-anggaran]');
    await cell('3.1', 2026, '[data-status=none]').waitFor();
    const download = page.locator('[data-testid=sheet-download]');
    await download.waitFor();
    expect((await download.textContent())?.trim()).toBe('Unduh lembar alokasi');
    await shot('1-panel');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe('alokasi-Dinsos.xlsx');
    downloaded = path.join(dir, 'alokasi-Dinsos.xlsx');
    await file.saveAs(downloaded);
    // An xlsx is a zip archive.
    expect(readFileSync(downloaded).subarray(0, 2).toString('latin1')).toBe('PK');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(downloaded);
    const ws = wb.getWorksheet('Alokasi')!;
    expect(ws.getRow(1).getCell(COL.budgetCode).value).toBe('Kode Sub Kegiatan');
    const row = rowOf(ws, '3.1', 2026);
    expect(String(row.getCell(COL.budgetCode).value ?? '')).toBe('');
  });

  it('fills in the DPA line of 3.1 for 2026, checks it (one new line), saves it and sees the grid cell covered', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(downloaded);
    const row = rowOf(wb.getWorksheet('Alokasi')!, '3.1', 2026);
    row.getCell(COL.budgetCode).value = '1.06.03.2.01.0003';
    row.getCell(COL.stage).value = 'DPA';
    row.getCell(COL.amount).value = 80000000;
    const filled = path.join(dir, 'alokasi-diisi.xlsx');
    await wb.xlsx.writeFile(filled);

    await page.setInputFiles('#sheet-file', filled);
    expect(await page.textContent('[data-testid=sheet-file-info]')).toContain('alokasi-diisi.xlsx');
    await page.click('[data-testid=sheet-check]');
    const preview = page.locator('[data-testid=sheet-preview]');
    await preview.waitFor();
    expect(await preview.getAttribute('data-created')).toBe('1');
    expect(await preview.getAttribute('data-updated')).toBe('0');
    // A dry run writes nothing.
    const none = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM budget_line WHERE budget_code = '1.06.03.2.01.0003'`);
    expect(none[0].n).toBe(0);
    await shot('2-preview');

    await page.click('[data-testid=sheet-commit]');
    await page.locator('[data-testid=sheet-saved]').waitFor();
    expect(await page.textContent('[data-testid=sheet-saved]')).toContain('1 baris baru');
    await cell('3.1', 2026, ':not([data-status=none]):not([data-status=loading])').waitFor();
    expect(await cell('3.1', 2026).textContent()).toContain('Rp 80.000.000');
    await shot('3-saved');

    const lines = await t.sql<{ stage: string; amount: string; fiscal_year: number; short_name: string }>(
      `SELECT s.stage, s.amount::text AS amount, l.fiscal_year, a.short_name
         FROM budget_line l JOIN agency a ON a.id = l.agency_id JOIN budget_line_stage s ON s.line_id = l.id
        WHERE l.budget_code = '1.06.03.2.01.0003' AND l.fiscal_year = 2026`,
    );
    expect(lines).toEqual([{ stage: 'DPA', amount: '80000000', fiscal_year: 2026, short_name: 'Dinsos' }]);
  });

  it('a sheet with a wrong stage is refused row by row, nothing is written and the file stays chosen', async () => {
    const before = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM budget_line'))[0].n;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(downloaded);
    const ws = wb.getWorksheet('Alokasi')!;
    const good = rowOf(ws, '3.1', 2027);
    good.getCell(COL.budgetCode).value = '1.06.03.2.01.0003';
    good.getCell(COL.stage).value = 'DPA';
    good.getCell(COL.amount).value = 50000000;
    const bad = rowOf(ws, '3.1', 2028);
    bad.getCell(COL.budgetCode).value = '1.06.03.2.01.0003';
    bad.getCell(COL.stage).value = 'APBN';
    bad.getCell(COL.amount).value = 50000000;
    const refused = path.join(dir, 'alokasi-salah.xlsx');
    await wb.xlsx.writeFile(refused);

    await page.setInputFiles('#sheet-file', refused);
    await page.click('[data-testid=sheet-check]');
    const error = page.locator(`[data-testid=sheet-error][data-row="${bad.number}"]`);
    await error.first().waitFor();
    expect(await error.first().getAttribute('data-column')).toBe(COL.stage);
    expect(await page.locator('[data-testid=sheet-preview]').count()).toBe(0);
    expect(await page.textContent('[data-testid=sheet-file-info]')).toContain('alokasi-salah.xlsx');
    expect(await page.isEnabled('[data-testid=sheet-check]')).toBe(true);
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM budget_line'))[0].n).toBe(before);
    await shot('4-refused');
    await signOut(page);
  });
});
