import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, startJourney, type Journey } from '../support/browser';

/**
 * The Bappeda planner's first visit: sign in, find a budget code for an activity, switch to
 * English. Runs the built web app against a real API and database in Debian's Chromium.
 */
const SHOTS = SCREENSHOTS;

describe('planner journey: sign in, search a budget code, switch language', () => {
  let journey: Journey | undefined;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    journey = await startJourney();
    ({ page, base } = journey);
  });

  afterAll(() => journey?.close());

  it('shows the Indonesian sign-in page and refuses a wrong password with an Indonesian message', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('input#email');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.fill('input#email', 'bappeda@demo.sinergi.id');
    await page.fill('input#password', 'bukan-sandinya');
    await page.click('button[type=submit]');
    await page.getByText('Email atau kata sandi salah').waitFor();
  });

  it('signs in and searches budget codes as the planner types', async () => {
    await page.fill('input#password', 'sinergi-demo');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=user-menu]');
    expect(await page.textContent('[data-testid=user-menu]')).toContain('Perencana Bappeda');
    await page.click('a[data-testid=nav-kode-anggaran]');
    await page.waitForSelector('input[data-testid=code-search]');
    expect(await page.textContent('h1')).toContain('Kode Anggaran');
    await page.locator('input[data-testid=code-search]').pressSequentially('pemulangan korban', { delay: 20 });
    const first = page.locator('[data-testid=code-result]').first();
    await first.waitFor();
    const codes = await page.locator('[data-testid=code-result]').allTextContents();
    expect(codes.join('\n')).toMatch(/\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}/);
    expect(codes.join('\n').toLowerCase()).toContain('pemulangan');
    await page.screenshot({ path: path.join(SHOTS, 'planner-code-search-id.png'), fullPage: true });
  });

  it('switches the interface to English and back, keeping the choice', async () => {
    await page.click('[data-testid=lang-toggle]');
    await page.locator('html[lang=en]').waitFor({ state: 'attached' });
    expect(await page.textContent('h1')).toMatch(/budget code/i);
    await page.screenshot({ path: path.join(SHOTS, 'planner-code-search-en.png'), fullPage: true });
    await page.reload();
    await page.waitForSelector('h1');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('[data-testid=lang-toggle]');
    await page.locator('html[lang=id]').waitFor({ state: 'attached' });
  });

  it('browses regions down to desa Oesao', async () => {
    await page.click('a[data-testid=nav-wilayah]');
    await page.locator('input[data-testid=region-search]').fill('oesao');
    await page.locator('[data-testid=region-row]', { hasText: '53.01.06.2015' }).waitFor();
    const rows = await page.locator('[data-testid=region-row]').allTextContents();
    expect(rows.join('\n')).toContain('53.01.06.1004');
    await page.screenshot({ path: path.join(SHOTS, 'planner-regions.png'), fullPage: true });
  });
});
