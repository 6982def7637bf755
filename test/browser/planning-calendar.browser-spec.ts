import type { Page } from 'playwright-core';
import { signIn, startJourney, screenshotter, type Journey } from '../support/browser';
import type { TestApp } from '../support/test-app';

/**
 * The admin's planning calendar: the seeded steps are listed with their months and year; the village
 * musrenbang is stretched to February and saved (only the changed field, with its version); a last
 * month before the first is refused before anything is sent; a step changed meanwhile by someone
 * else is reported as a conflict and read again.
 */
describe('planning calendar: the admin sees the steps, adjusts the months of one, and is told of a conflict', () => {
  let journey: Journey | undefined;
  let t: TestApp;
  let page: Page;
  let base: string;
  const shot = screenshotter('calendar', () => page);
  const step = (key: string) => page.locator(`[data-testid=calendar-step][data-key="${key}"]`);

  beforeAll(async () => {
    journey = await startJourney();
    ({ t, page, base } = journey);
  });
  afterAll(() => journey?.close());

  it('the admin opens Administrasi → Kalender perencanaan and sees the village musrenbang in January', async () => {
    await signIn(page, base, 'admin@demo.sinergi.id');
    await page.click('a[data-testid=nav-admin]');
    await page.click('[data-testid=admin-tab-calendar]');
    const row = step('musrenbang_desa');
    await row.waitFor();
    expect(page.url()).toContain('/admin/kalender');
    expect((await row.locator('[data-testid=calendar-months]').textContent())?.trim()).toBe('Januari');
    expect((await row.locator('[data-testid=calendar-year]').textContent())?.trim()).toBe('tahun sebelumnya');
    const text = await row.textContent();
    expect(text).toContain('Musrenbang desa');
    expect(text).toContain('Daftar usulan desa');
    expect(text).toContain('Pemerintah desa');
    expect(await page.locator('[data-testid=calendar-step]').count()).toBeGreaterThanOrEqual(10);
    await shot('1-steps');
  });

  it('edits the step to end in February, saves, and sees the notice, the row and the database agree', async () => {
    const bodies: unknown[] = [];
    const onRequest = (request: { method(): string; url(): string; postDataJSON(): unknown }) => {
      if (request.method() === 'PATCH' && request.url().includes('/api/planning-calendar/')) bodies.push(request.postDataJSON());
    };
    page.on('request', onRequest);
    const row = step('musrenbang_desa');
    await row.locator('[data-testid=calendar-edit]').click();
    await row.locator('#calendar-ends').waitFor();
    expect(await row.locator('#calendar-name').inputValue()).toBe('Musrenbang desa');
    expect(await row.locator('#calendar-starts').inputValue()).toBe('1');
    await row.locator('#calendar-ends').selectOption('2');
    await shot('2-editing');
    await row.locator('[data-testid=calendar-save]').click();
    await page.locator('[data-testid=calendar-saved]').waitFor();
    expect(await page.textContent('[data-testid=calendar-saved]')).toContain('Musrenbang desa');
    await row.locator('[data-testid=calendar-months]').waitFor();
    expect((await row.locator('[data-testid=calendar-months]').textContent())?.trim()).toBe('Januari–Februari');
    page.off('request', onRequest);
    // Only the changed field went, with the version read.
    expect(bodies).toEqual([{ version: 1, endsMonth: 2 }]);
    const [saved] = await t.sql<{ ends_month: number }>(`SELECT ends_month FROM planning_calendar_step WHERE key = 'musrenbang_desa'`);
    expect(saved.ends_month).toBe(2);
    await shot('3-saved');
  });

  it('refuses a last month before the first without sending anything', async () => {
    let patched = false;
    const onRequest = (request: { method(): string }) => {
      if (request.method() === 'PATCH') patched = true;
    };
    page.on('request', onRequest);
    const row = step('musrenbang_desa');
    await row.locator('[data-testid=calendar-edit]').click();
    await row.locator('#calendar-starts').selectOption('3');
    const error = row.locator('[data-testid=calendar-ends-error]');
    await error.waitFor();
    expect(await error.textContent()).toContain('Maret');
    expect(await row.locator('#calendar-ends').getAttribute('aria-invalid')).toBe('true');
    await row.locator('[data-testid=calendar-save]').click();
    expect(await error.isVisible()).toBe(true);
    await shot('4-ends-before-starts');
    await row.locator('[data-testid=calendar-cancel]').click();
    await row.locator('[data-testid=calendar-months]').waitFor();
    expect((await row.locator('[data-testid=calendar-months]').textContent())?.trim()).toBe('Januari–Februari');
    page.off('request', onRequest);
    expect(patched).toBe(false);
  });

  it('a step changed meanwhile by someone else is reported as a conflict and read again', async () => {
    const row = step('musrenbang_kecamatan');
    await row.locator('[data-testid=calendar-edit]').click();
    await row.locator('#calendar-document').fill('Berita acara musrenbang kecamatan');
    await t.sql(`UPDATE planning_calendar_step SET name = 'Musrenbang kecamatan (diubah)', version = version + 1 WHERE key = 'musrenbang_kecamatan'`);
    await row.locator('[data-testid=calendar-save]').click();
    await page.locator('[data-testid=calendar-conflict]').waitFor();
    expect(await page.textContent('[data-testid=calendar-conflict]')).toContain('diubah oleh orang lain');
    await row.filter({ hasText: 'Musrenbang kecamatan (diubah)' }).waitFor();
    expect(await row.textContent()).toContain('Usulan kecamatan');
    await shot('5-conflict');
    // With the fresh version the change goes through.
    await row.locator('[data-testid=calendar-edit]').click();
    await row.locator('#calendar-document').fill('Berita acara musrenbang kecamatan');
    await row.locator('[data-testid=calendar-save]').click();
    await page.locator('[data-testid=calendar-saved]').waitFor();
    const [saved] = await t.sql<{ document: string; version: number }>(
      `SELECT document, version FROM planning_calendar_step WHERE key = 'musrenbang_kecamatan'`,
    );
    expect(saved.document).toBe('Berita acara musrenbang kecamatan');
    expect(saved.version).toBe(3);
  });
});
