import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from './chromium';
import { ROOT, startTestApp, type TestApp } from './test-app';

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

/**
 * Debian's Chromium driven by playwright-core, never a downloaded browser, with the flags this
 * workplace needs (no background networking: the machine has no internet) and a fresh profile.
 */
export async function openBrowser(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'sinergi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form as a demo user and waits for the app shell. */
export async function signIn(page: Page, base: string, email: string, password = 'sinergi-demo'): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('input#email', email);
  await page.fill('input#password', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=user-menu]');
}

/** Signs out with the top bar's button (Indonesian label), back to the login form. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Keluar|Sign out/ }).first().click();
  await page.waitForSelector('input#email');
}

/** Starts the test app on a free local port and returns its base URL. */
export async function listen(app: { listen(port: number, host: string): Promise<unknown>; getHttpServer(): { address(): unknown } }): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

/** A browser journey's app (its own test database), the app served on a local port, and a page. */
export interface Journey {
  t: TestApp;
  base: string;
  page: Page;
  /** Closes the browser, then the app. */
  close(): Promise<void>;
}

/** The start of every journey: the test app, served on a free port, and Chromium on a fresh profile. */
export async function startJourney(): Promise<Journey> {
  const t = await startTestApp();
  try {
    const base = await listen(t.app);
    const browser = await openBrowser();
    return {
      t,
      base,
      page: browser.page,
      async close() {
        await browser.close();
        await t.close();
      },
    };
  } catch (error) {
    await t.close();
    throw error;
  }
}

/**
 * Full-page screenshots saved as `test-results/screenshots/<prefix>-<name>.png`. The window is
 * scrolled to the top first: a focused field scrolls it, and a full-page capture would then draw the
 * sticky top bar in the middle of the page.
 */
export function screenshotter(prefix: string, page: () => Page): (name: string) => Promise<void> {
  return async (name) => {
    await page().evaluate('window.scrollTo(0, 0)');
    await page().screenshot({ path: path.join(SCREENSHOTS, `${prefix}-${name}.png`), fullPage: true });
  };
}
