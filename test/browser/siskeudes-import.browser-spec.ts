import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { signIn, signOut, startJourney, screenshotter, type Journey } from '../support/browser';
import { ROOT, type TestApp } from '../support/test-app';

const FIXTURES = path.join(ROOT, 'test/fixtures/siskeudes');
const TABLES = ['Ta_Kegiatan', 'Ta_RABRinci', 'Ref_Sumber', 'Ref_Kegiatan'];
const OESAO = '53.01.06.2015';

/**
 * The desa's Siskeudes export on its page (Penandaan Anggaran → desa): the Oesao official chooses the
 * zip of CSV tables, a file with an unknown fund source is refused row by row (and stays chosen), the
 * good export is checked (the preview lists its lines, summed per kegiatan and fund source, and the
 * plan activities the codes could fund), saved, and its lines appear in the desa's APBDes.
 */
describe('Siskeudes import on the desa page: refused file, preview, save, the APBDes lines', () => {
  let journey: Journey | undefined;
  let t: TestApp;
  let page: Page;
  let base: string;
  let dir: string;
  let okZip: string;
  let badZip: string;
  const shot = screenshotter('siskeudes', () => page);
  const apbdesLines = async () =>
    (await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM budget_line WHERE source = 'APBDES' AND village_code = $1 AND fiscal_year = 2026`,
      [OESAO],
    ))[0].n;

  /** The export as desa staff zip it: the four tables in a folder; `replace` swaps a table. */
  async function writeZip(name: string, replace: Record<string, Buffer> = {}): Promise<string> {
    const zip = new JSZip();
    for (const table of TABLES) zip.file(`Oesao 2026/${table}.csv`, replace[table] ?? readFileSync(path.join(FIXTURES, `ok/${table}.csv`)));
    const file = path.join(dir, name);
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return file;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sinergi-siskeudes-'));
    okZip = await writeZip('oesao-2026.zip');
    badZip = await writeZip('oesao-2026-sumber-salah.zip', {
      Ta_RABRinci: readFileSync(path.join(FIXTURES, 'not-ok/bad-fund-source/Ta_RABRinci.csv')),
    });
    journey = await startJourney();
    ({ t, page, base } = journey);
  });
  afterAll(async () => {
    await journey?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the desa official opens Penandaan Anggaran and a file with an unknown fund source is refused by table, row and column', async () => {
    const before = await apbdesLines();
    await signIn(page, base, 'desa.oesao@demo.sinergi.id');
    await page.click('a[data-testid=nav-penandaan-anggaran]');
    await page.locator('[data-testid=village-name]', { hasText: 'Oesao' }).waitFor();
    await page.waitForURL(/\/penandaan-anggaran\/desa\/53\.01\.06\.2015$/);
    await page.locator('#siskeudes-file').waitFor();
    // A CSV instead of the zip is refused before anything is sent.
    await page.setInputFiles('#siskeudes-file', { name: 'Ta_RABRinci.csv', mimeType: 'text/csv', buffer: readFileSync(path.join(FIXTURES, 'ok/Ta_RABRinci.csv')) });
    expect(await page.textContent('[data-testid=siskeudes-file-error]')).toContain('bukan .zip');
    await page.click('[data-testid=siskeudes-check]');
    expect(await page.locator('[data-testid=siskeudes-preview], [data-testid=siskeudes-error]').count()).toBe(0);
    await page.setInputFiles('#siskeudes-file', badZip);
    expect(await page.locator('[data-testid=siskeudes-file-error]').count()).toBe(0);
    expect(await page.textContent('[data-testid=siskeudes-file-info]')).toContain('oesao-2026-sumber-salah.zip');
    await page.click('[data-testid=siskeudes-check]');
    const error = page.locator('[data-testid=siskeudes-error][data-row="7"][data-column="SumberDana"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('Ta_RABRinci');
    expect(await error.textContent()).toContain('DDD');
    expect(await page.locator('[data-testid=siskeudes-preview]').count()).toBe(0);
    // The file stays chosen for a retry.
    expect(await page.textContent('[data-testid=siskeudes-file-info]')).toContain('oesao-2026-sumber-salah.zip');
    expect(await page.isEnabled('[data-testid=siskeudes-check]')).toBe(true);
    expect(await apbdesLines()).toBe(before);
    await shot('1-refused');
  });

  it('checks the good export: the preview lists one line per kegiatan and fund source, nothing is written', async () => {
    const before = await apbdesLines();
    await page.setInputFiles('#siskeudes-file', okZip);
    expect(await page.locator('[data-testid=siskeudes-error]').count()).toBe(0);
    await page.click('[data-testid=siskeudes-check]');
    const preview = page.locator('[data-testid=siskeudes-preview]');
    await preview.waitFor();
    expect(await preview.getAttribute('data-fiscal-year')).toBe('2026');
    expect([await preview.getAttribute('data-created'), await preview.getAttribute('data-updated'), await preview.getAttribute('data-unchanged')]).toEqual([
      '5',
      '1',
      '0',
    ]);
    expect((await preview.locator('[data-testid=siskeudes-fiscal-year]').textContent())?.trim()).toBe('2026');
    const lines = preview.locator('[data-testid=siskeudes-line]');
    expect(await lines.count()).toBe(6);
    const revised = preview.locator('[data-testid=siskeudes-line][data-code="4.4.02"][data-fund-source="DDS"]');
    expect(await revised.getAttribute('data-status')).toBe('created');
    expect(await revised.textContent()).toContain('Rp 11.500.000');
    expect(await revised.textContent()).toContain('APBDes Perubahan');
    const updated = preview.locator('[data-testid=siskeudes-line][data-code="4.4.01"][data-fund-source="PBK"]');
    expect(await updated.getAttribute('data-status')).toBe('updated');
    expect(await updated.textContent()).toContain('Rp 17.500.000');
    expect(await updated.textContent()).toContain('Rp 15.000.000');
    expect(await preview.locator('[data-testid=siskeudes-line][data-code="1.1.04"][data-fund-source="ADD"]').textContent()).toContain('Rp 28.750.000');
    // Which plan activities the imported codes could fund, and how to tag them after saving.
    const suggestion = preview.locator('[data-testid=siskeudes-suggestion]').first();
    await suggestion.waitFor();
    expect(['1.1.04', '4.4.01', '4.4.02']).toContain(await suggestion.getAttribute('data-code'));
    expect(await preview.locator('[data-testid=siskeudes-suggestions]').textContent()).toContain('Tandai ke kegiatan');
    expect(await apbdesLines()).toBe(before);
    await shot('2-preview');
  });

  it('saves: the notice, and the imported lines in the desa\'s APBDes 2026', async () => {
    const before = await apbdesLines();
    await page.click('[data-testid=siskeudes-commit]');
    const saved = page.locator('[data-testid=siskeudes-saved]');
    await saved.waitFor();
    expect(await saved.getAttribute('data-fiscal-year')).toBe('2026');
    expect(await saved.textContent()).toContain('5 baris baru');
    expect(await page.locator('[data-testid=siskeudes-preview]').count()).toBe(0);
    expect(await page.inputValue('#village-lines-year')).toBe('2026');
    for (const code of ['1.1.04', '4.4.01', '4.4.02']) await page.locator(`[data-testid=apbdes-line][data-code="${code}"]`).first().waitFor();
    await page.locator('[data-testid=apbdes-line][data-code="4.4.02"]', { hasText: 'Rp 11.500.000' }).waitFor();
    await page.locator('[data-testid=apbdes-line][data-code="4.4.01"]', { hasText: 'Rp 17.500.000' }).waitFor();
    expect(await page.locator('[data-testid=apbdes-line]').count()).toBe(6);
    expect(await apbdesLines()).toBe(before + 5);
    expect(await apbdesLines()).toBe(6);
    await shot('3-saved');
    await signOut(page);
  });
});
