import type { Page } from 'playwright-core';
import { signIn, signOut, startJourney, screenshotter, type Journey } from '../support/browser';
import type { TestApp } from '../support/test-app';

/**
 * The tactical fund as the issue describes it: Dinas Sosial requests a drawdown for a
 * repatriation activity, DP3A (the holder) approves it, and the balance cards update; then DP3A
 * lowers the pool's limit per request in the rules dialog.
 */
describe('tactical fund journey: request, approve, the balance cards update', () => {
  let journey: Journey | undefined;
  let t: TestApp;
  let page: Page;
  let base: string;
  let poolUrl: string;
  const shot = screenshotter('pool', () => page);
  const card = (kind: string) => page.locator(`[data-testid=balance-card][data-kind=${kind}] [data-testid=balance-value]`);

  beforeAll(async () => {
    journey = await startJourney();
    ({ t, page, base } = journey);
  });
  afterAll(() => journey?.close());

  it('Dinas Sosial requests a drawdown for the repatriation activity', async () => {
    await signIn(page, base, 'dinsos@demo.sinergi.id');
    await page.click('a[data-testid=nav-dana-taktis]');
    const row = page.locator('[data-testid=pool-row]', { hasText: 'Dana Taktis PP-TPPO Kabupaten Kupang' });
    await row.first().click();
    await card('available').waitFor();
    poolUrl = page.url();
    expect((await card('available').textContent())?.trim()).toBe('Rp 250.000.000');
    await page.click('[data-testid=drawdown-new]');
    const plan = page.locator('#drawdown-plan option', { hasText: 'RAD PP-TPPO Kabupaten Kupang' });
    await plan.waitFor({ state: 'attached' });
    await page.selectOption('#drawdown-plan', (await plan.getAttribute('value')) ?? '');
    const option = page.locator('#drawdown-activity option', { hasText: 'Pemulangan korban TPPO ke daerah asal' });
    await option.waitFor({ state: 'attached' });
    await page.selectOption('#drawdown-activity', (await option.getAttribute('value')) ?? '');
    await page.fill('#drawdown-amount', '30.000.000');
    await page.fill('#drawdown-purpose', 'Pemulangan dua korban dari Batam ke Kupang Timur');
    await page.fill('#drawdown-beneficiary', 'Dua perempuan, 19 dan 23 tahun');
    await shot('1-dinsos-request');
    await page.click('[data-testid=drawdown-submit]');
    await page.locator('[data-testid=drawdown-saved]').waitFor();
    await page.locator('[data-testid=drawdown-row][data-status=requested]', { hasText: 'Pemulangan dua korban' }).waitFor();
    await signOut(page);
  });

  it('DP3A, the holder, approves it and the balance cards update', async () => {
    await signIn(page, base, 'dp3a@demo.sinergi.id');
    await page.goto(poolUrl);
    await card('committed').waitFor();
    expect((await card('committed').textContent())?.trim()).toBe('Rp 0');
    const row = page.locator('[data-testid=drawdown-row][data-status=requested]', { hasText: 'Pemulangan dua korban' });
    await row.waitFor();
    await row.locator('[data-testid=drawdown-history]').click();
    await shot('2-holder-queue');
    await row.locator('[data-testid=drawdown-approve]').click();
    await page.locator('[data-testid=drawdown-row][data-status=approved]', { hasText: 'Pemulangan dua korban' }).waitFor();
    // 250.000.000 − 30.000.000
    await page.locator('[data-testid=balance-card][data-kind=available] [data-testid=balance-value]', { hasText: 'Rp 220.000.000' }).waitFor();
    expect((await card('committed').textContent())?.trim()).toBe('Rp 30.000.000');
    expect((await card('received').textContent())?.trim()).toBe('Rp 250.000.000');
    // The feature's own dictionary follows the language switch (it is loaded with the feature).
    await page.click('[data-testid=lang-toggle]');
    await page.locator('[data-testid=balance-card][data-kind=received]', { hasText: 'Received' }).waitFor();
    await page.click('[data-testid=lang-toggle]');
    await page.locator('[data-testid=balance-card][data-kind=received]', { hasText: 'Diterima' }).waitFor();
    await page.click('[data-testid=pool-tab-ledger]');
    await page.locator('[data-testid=ledger-row][data-kind=COMMIT]').waitFor();
    await shot('3-holder-approved');
    const [pool] = await t.sql<{ committed: string; available: string }>(
      `SELECT committed::text, (received - committed - disbursed)::text AS available FROM fund_pool WHERE name = 'Dana Taktis PP-TPPO Kabupaten Kupang'`,
    );
    expect(pool).toEqual({ committed: '30000000', available: '220000000' });

    // The holder lowers the limit per request in the rules dialog; the rules summary follows.
    await page.click('[data-testid=pool-rules-edit]');
    await page.locator('#rules-max').waitFor();
    await page.fill('#rules-max', '75.000.000');
    await shot('4-holder-rules');
    await page.click('[data-testid=rules-save]');
    await page.locator('[data-testid=rules-saved]').waitFor();
    await page.locator('[data-testid=rule-max] dd', { hasText: 'Rp 75.000.000' }).waitFor();
    expect((await page.locator('[data-testid=rule-max] dd').textContent())?.trim()).toBe('Rp 75.000.000');
    const [rules] = await t.sql<{ max_per_drawdown: string }>(
      `SELECT max_per_drawdown::text FROM fund_pool WHERE name = 'Dana Taktis PP-TPPO Kabupaten Kupang'`,
    );
    expect(rules.max_per_drawdown).toBe('75000000');
    await signOut(page);
  });
});
