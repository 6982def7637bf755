import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { signIn, startJourney, screenshotter, type Journey } from '../support/browser';

/**
 * The admin's code catalogues: the versions loaded at start-up are listed by kind; a small crosswalk
 * is imported as a new version and its counts shown; a broken nomenclature is refused with the row
 * and column of each problem, and the form keeps what was typed.
 */
describe('catalogue import: the admin sees the versions, imports a crosswalk, and a broken file is refused row by row', () => {
  let journey: Journey | undefined;
  let page: Page;
  let base: string;
  let dir: string;
  const shot = screenshotter('catalog', () => page);
  const file = (name: string, content: string) => {
    const at = path.join(dir, name);
    writeFileSync(at, content);
    return at;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sinergi-catalog-'));
    journey = await startJourney();
    ({ page, base } = journey);
  });
  afterAll(async () => {
    await journey?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the admin opens Administrasi → Katalog kode and sees the nomenclature versions', async () => {
    await signIn(page, base, 'admin@demo.sinergi.id');
    await page.click('a[data-testid=nav-admin]');
    await page.click('[data-testid=admin-tab-catalogs]');
    const nomenclature = page.locator('[data-testid=catalog-row][data-kind=APBD_NOMENCLATURE]');
    await nomenclature.first().waitFor();
    expect(await nomenclature.count()).toBeGreaterThanOrEqual(2);
    const edition2027 = nomenclature.filter({ hasText: '2027' });
    expect(await edition2027.count()).toBeGreaterThanOrEqual(1);
    expect(await edition2027.first().textContent()).toContain('Berlaku mulai TA 2027');
    expect(await page.locator('[data-testid=catalog-row][data-kind=APBD_NOMENCLATURE]', { hasText: 'Dipakai' }).count()).toBe(1);
    await shot('1-versions');
  });

  it('uploads a small crosswalk and sees one new row, and the new version in the table', async () => {
    const csv = file('crosswalk.csv', 'previous_code,code,government_level\n1.06.03.2.01.0001,1.06.03.2.01.0003,regency\n');
    const form = page.locator('[data-testid=catalog-import]');
    await form.locator('#catalog-kind').selectOption('APBD_CROSSWALK');
    await form.locator('#catalog-migrate').waitFor();
    await form.locator('#catalog-label').fill('Koreksi crosswalk uji');
    await form.locator('#catalog-source').fill('uji');
    await page.setInputFiles('#catalog-file', csv);
    expect(await page.textContent('[data-testid=catalog-file-info]')).toContain('crosswalk.csv');
    await page.click('[data-testid=catalog-import-submit]');
    const result = page.locator('[data-testid=catalog-import-result]');
    await result.waitFor();
    expect(await result.getAttribute('data-created')).toBe('1');
    expect(await result.textContent()).toContain('Koreksi crosswalk uji');
    await page.locator('[data-testid=catalog-row][data-kind=APBD_CROSSWALK]', { hasText: 'Koreksi crosswalk uji' }).waitFor();
    await shot('2-crosswalk-imported');
  });

  it('uploads a broken nomenclature and sees the row and column of the problem; nothing is saved', async () => {
    const csv = file('rusak.csv', 'code,level,name\n2.08.07.2.02.01,sub_kegiatan,kode rusak\n');
    const versionsBefore = await page.locator('[data-testid=catalog-row]').count();
    await page.selectOption('#catalog-kind', 'APBD_NOMENCLATURE');
    await page.fill('#catalog-label', 'Nomenklatur rusak');
    await page.fill('#catalog-source', 'uji');
    await page.setInputFiles('#catalog-file', csv);
    await page.click('[data-testid=catalog-import-submit]');
    const row2 = page.locator('[data-testid=catalog-import-error][data-row="2"]');
    await row2.first().waitFor();
    expect(await row2.first().getAttribute('data-column')).toBeTruthy();
    expect(await row2.first().textContent()).toContain('2.08.07.2.02.01');
    // The form keeps what was typed, and no version was added.
    expect(await page.inputValue('#catalog-label')).toBe('Nomenklatur rusak');
    expect(await page.locator('[data-testid=catalog-import-result]').count()).toBe(0);
    expect(await page.locator('[data-testid=catalog-row]').count()).toBe(versionsBefore);
    await shot('3-import-refused');
  });

  it('refuses a file over 20 MB before sending it', async () => {
    const big = file('besar.csv', 'code,name\n'.padEnd(21 * 1024 * 1024, 'x'));
    let posted = false;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/catalogs/import')) posted = true;
    });
    await page.setInputFiles('#catalog-file', big);
    expect(await page.textContent('[data-testid=catalog-file-error]')).toContain('20 MB');
    await page.click('[data-testid=catalog-import-submit]');
    expect(await page.locator('#catalog-file').getAttribute('aria-invalid')).toBe('true');
    expect(posted).toBe(false);
  });
});
