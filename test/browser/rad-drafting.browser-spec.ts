import type { Page } from 'playwright-core';
import { signIn, signOut, startJourney, screenshotter, type Journey } from '../support/browser';

/**
 * Participatory drafting, as the issue describes it: the planner opens the demo RAD for
 * consultation; the NGO member proposes an activity with costs for two years; the planner accepts
 * it; the plan's total cost changes; the diff between the consultation version and now shows the
 * new activity.
 */
describe('RAD drafting journey: propose, accept, see the total and the diff change', () => {
  let journey: Journey | undefined;
  let page: Page;
  let base: string;
  let planUrl: string;
  let totalBefore: string;
  const shot = screenshotter('rad', () => page);
  const total = async () => (await page.textContent('[data-testid=plan-total]'))?.trim() ?? '';

  beforeAll(async () => {
    journey = await startJourney();
    ({ page, base } = journey);
  });
  afterAll(() => journey?.close());

  it('the planner opens the demo RAD and moves it into consultation', async () => {
    await signIn(page, base, 'bappeda@demo.sinergi.id');
    await page.click('a[data-testid=nav-rencana-aksi]');
    const row = page.locator('[data-testid=plan-row]', { hasText: 'RAD PP-TPPO Kabupaten Kupang' });
    await row.first().click();
    await page.waitForSelector('[data-testid=plan-total]');
    planUrl = page.url();
    totalBefore = await total();
    expect(totalBefore).toContain('Rp 5.040.000.000');
    await page.click('[data-testid=transition-consultation]');
    await page.locator('[data-testid=plan-status]', { hasText: /Konsultasi/ }).waitFor();
    await shot('1-planner-consultation');
    await signOut(page);
  });

  it('the NGO member proposes a new activity with costs for two years', async () => {
    await signIn(page, base, 'lsm@demo.sinergi.id');
    await page.goto(planUrl);
    await page.click('[data-testid=tab-proposals]');
    await page.click('[data-testid=propose-activity]');
    await page.fill('#proposal-title', 'Kelas parenting pencegahan perdagangan anak');
    await page.selectOption('#proposal-strategy', '1');
    await page.selectOption('#proposal-lead', { label: await leadLabel(page, 'DP3A') });
    await page.fill('[data-testid=proposal-cost][data-year="2027"]', '40.000.000');
    await page.fill('[data-testid=proposal-cost][data-year="2028"]', '45000000');
    await page.click('[data-testid=proposal-submit]');
    const row = page.locator('[data-testid=proposal-row][data-status=open]', { hasText: 'Kelas parenting' });
    await row.waitFor();
    expect(await row.textContent()).toContain('LSM Mitra');
    await shot('2-member-proposal');
    await signOut(page);
  });

  it('the planner accepts it and the plan total grows by the proposed costs', async () => {
    await signIn(page, base, 'bappeda@demo.sinergi.id');
    await page.goto(planUrl);
    await page.click('[data-testid=tab-proposals]');
    const row = page.locator('[data-testid=proposal-row]', { hasText: 'Kelas parenting' });
    await row.locator('[data-testid=proposal-accept]').click();
    await page.locator('[data-testid=proposal-row][data-status=accepted]', { hasText: 'Kelas parenting' }).waitFor();
    // Rp 5.040.000.000 + 40.000.000 + 45.000.000
    await page.locator('[data-testid=plan-total]', { hasText: 'Rp 5.125.000.000' }).waitFor();
    expect(await total()).not.toBe(totalBefore);
    await page.click('[data-testid=tab-activities]');
    const created = page.locator('[data-testid=activity-row]', { hasText: 'Kelas parenting' });
    await created.waitFor();
    expect(await created.getAttribute('data-code')).toBe('1.4');
    await shot('3-planner-accepted');
  });

  it('the diff between the consultation version and now shows the new activity and the cost change', async () => {
    await page.click('[data-testid=tab-versions]');
    await page.selectOption('#diff-from', '1');
    await page.selectOption('#diff-to', 'current');
    await page.click('[data-testid=diff-show]');
    const added = page.locator('[data-testid=diff-added]', { hasText: 'Kelas parenting' });
    await added.waitFor();
    expect(await page.textContent('[data-testid=diff-costs]')).toContain('40.000.000');
    await shot('4-diff');
  });
});

/** The option text of the lead-agency select that names the agency (labels may add the full name). */
async function leadLabel(page: Page, shortName: string): Promise<string> {
  const options = await page.locator('#proposal-lead option').allTextContents();
  const match = options.find((o) => o.includes(shortName));
  if (!match) throw new Error(`no lead agency option for ${shortName}: ${options.join(' | ')}`);
  return match.trim();
}
