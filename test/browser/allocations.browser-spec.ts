import type { Page } from 'playwright-core';
import { signIn, signOut, startJourney, screenshotter, type Journey } from '../support/browser';
import type { TestApp } from '../support/test-app';

/**
 * Budget tagging as the issue describes it: the Dinas Sosial clerk tags a DPA line to the
 * repatriation activity by taking the first suggestion; the desa Oesao official tags a Dana Desa
 * (DDS) line to a prevention activity; the planner sees both in the tagging coverage.
 */
describe('budget tagging journey: an OPD line via a suggestion, a village DDS line, the coverage', () => {
  let journey: Journey | undefined;
  let t: TestApp;
  let page: Page;
  let base: string;
  const shot = screenshotter('tag', () => page);

  beforeAll(async () => {
    journey = await startJourney();
    ({ t, page, base } = journey);
  });
  afterAll(() => journey?.close());

  it('the Dinas Sosial clerk tags a DPA line to the repatriation activity via a suggestion', async () => {
    await signIn(page, base, 'dinsos@demo.sinergi.id');
    await page.click('a[data-testid=nav-penandaan-anggaran]');
    const row = page.locator('[data-testid=grid-row][data-code="3.1"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Pemulangan korban TPPO ke daerah asal');
    await row.locator('[data-testid=grid-cell][data-year="2026"]').click();
    const panel = page.locator('[data-testid=tag-panel]');
    await panel.waitFor();
    // The regency repatriation sub kegiatan comes first.
    const first = panel.locator('[data-testid=suggestion]').first();
    await first.waitFor();
    expect(await first.getAttribute('data-code')).toBe('1.06.03.2.01.0003');
    await shot('1-dinsos-suggestions');
    await first.locator('[data-testid=suggestion-use]').click();
    expect(await page.inputValue('#tag-code')).toBe('1.06.03.2.01.0003');
    await page.fill('#tag-account', '5.1.02.01.01.024');
    await page.selectOption('#tag-stage', 'DPA');
    await page.fill('#tag-amount', '80.000.000');
    await page.click('[data-testid=tag-submit]');
    await page.locator('[data-testid=tag-saved]').waitFor();
    const line = panel.locator('[data-testid=tag-line][data-code="1.06.03.2.01.0003"]');
    await line.waitFor();
    expect(await line.textContent()).toContain('Rp 80.000.000');
    await shot('2-dinsos-tagged');

    const [saved] = await t.sql<{ stage: string; amount: string; account_code: string; account_code_original: string; share_bp: number }>(
      `SELECT s.stage, s.amount::text AS amount, l.account_code, l.account_code_original, t.share_bp
         FROM budget_line l JOIN budget_line_stage s ON s.line_id = l.id JOIN allocation_tag t ON t.line_id = l.id
         JOIN plan_activity pa ON pa.id = t.activity_id
        WHERE l.budget_code = '1.06.03.2.01.0003' AND pa.title = 'Pemulangan korban TPPO ke daerah asal'`,
    );
    expect(saved).toEqual({ stage: 'DPA', amount: '80000000', account_code: '5.1.02.01.01.0024', account_code_original: '5.1.02.01.01.024', share_bp: 10000 });

    // The realised amount of the first quarter, typed with dots as people write Rupiah.
    await line.locator('[data-testid=line-realised-edit]').click();
    await page.fill('#realised-q1', '20.000.000');
    await shot('2a-dinsos-realised-form');
    await line.locator('[data-testid=line-realised-submit]').click();
    await panel.locator('[data-testid=line-saved]').waitFor();
    const realised = line.locator('[data-testid=line-realised]');
    await realised.waitFor();
    expect(await realised.textContent()).toContain('Rp 20.000.000');
    await shot('2b-dinsos-realised');
    const realisedRows = await t.sql<{ realised_q1: string | null; realised_q2: string | null }>(
      `SELECT realised_q1::text AS realised_q1, realised_q2::text AS realised_q2 FROM budget_line WHERE budget_code = '1.06.03.2.01.0003'`,
    );
    expect(realisedRows).toEqual([{ realised_q1: '20000000', realised_q2: null }]);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=grid-row][data-code="3.1"] [data-testid=grid-cell][data-year="2026"]:not([data-status=none])').waitFor();
    await signOut(page);
  });

  it('the desa Oesao official tags a Dana Desa line to a prevention activity', async () => {
    await signIn(page, base, 'desa.oesao@demo.sinergi.id');
    await page.click('a[data-testid=nav-penandaan-anggaran]');
    await page.locator('[data-testid=village-name]', { hasText: 'Oesao' }).waitFor();
    const activity = page.locator('[data-testid=village-activity][data-code="1.1"]');
    await activity.waitFor();
    expect(await activity.getAttribute('data-supported')).toBe('false');
    await activity.locator('[data-testid=village-tag]').click();
    const form = page.locator('[data-testid=village-tag-form]');
    await form.waitFor();
    await page.fill('#village-code', '4.4.02');
    await form.locator('[data-testid=village-code-result][data-code="4.4.02"]').click();
    await page.selectOption('#village-fund-source', 'DDS');
    await page.selectOption('#village-year', '2026');
    await page.selectOption('#village-stage', 'APBDES');
    await page.fill('#village-amount', '25.000.000');
    await shot('3-village-form');
    await page.click('[data-testid=village-tag-submit]');
    await page.locator('[data-testid=village-tag-saved]').waitFor();
    await page.locator('[data-testid=village-activity][data-code="1.1"][data-supported=true]').waitFor();
    const lineRow = page.locator('[data-testid=apbdes-line][data-code="4.4.02"]');
    await lineRow.waitFor();
    expect(await lineRow.getAttribute('data-tagged')).toBe('true');
    expect(await lineRow.textContent()).toContain('Rp 25.000.000');
    await shot('4-village-tagged');
    await signOut(page);
  });

  it('the planner sees both in the tagging coverage and which agencies have entered nothing', async () => {
    await signIn(page, base, 'bappeda@demo.sinergi.id');
    await page.click('a[data-testid=nav-penandaan-anggaran]');
    const repatriation = page.locator('[data-testid=coverage-activity][data-code="3.1"]');
    await repatriation.waitFor();
    expect(Number(await repatriation.getAttribute('data-lines'))).toBeGreaterThan(0);
    const prevention = page.locator('[data-testid=coverage-activity][data-code="1.1"]');
    // DP3A's demo DPA line and the desa's DDS line.
    expect(Number(await prevention.getAttribute('data-lines'))).toBe(2);
    const idle = page.locator('[data-testid=coverage-agency][data-lines="0"]');
    expect(await idle.count()).toBeGreaterThan(0);
    await shot('5-planner-coverage');
    await signOut(page);
  });
});
