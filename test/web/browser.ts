// What the browser tests share: Debian's chromium through playwright-core, and signing in
// and out the way a person does, through the sign-in form and the header's button.
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_PATH } from '../../scripts/chromium';

export function launchChromium(): Promise<Browser> {
  // The flags keep a headless chromium off the (closed) network at start-up.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Signs in from the sign-in page and waits for the page it leads to; the page's context keeps the session cookie. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string, next = '/'): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/sign-in'),
    page.click('form[action="/sign-in"] button'),
  ]);
  if (answer.status() !== 303) {
    await page.waitForLoadState();
    throw new Error(`sign-in of ${email} refused (${answer.status()}): ${await page.textContent('main')}`);
  }
  await page.waitForURL((u) => u.pathname === next);
  // Signed in: the header offers to sign out (test/web/chrome.test.ts checks what it shows).
  expect(await page.locator('header .who button').textContent()).toBe('Đăng xuất');
}

/** Signs out with the header's button and lands on the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await Promise.all([page.waitForURL((u) => u.pathname === '/sign-in'), page.click('header button:has-text("Đăng xuất")')]);
}
