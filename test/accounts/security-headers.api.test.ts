// Security headers on every answer, and a Content-Security-Policy under which the pages'
// own inline script and style run (by this response's nonce) while an inline script that
// did not come from our components does not: checked in Debian's chromium. Behind HTTPS,
// cookies are Secure and HSTS is on.
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../../scripts/chromium';
import { seedDeadline, seedObligation } from '../helpers/fixtures';
import { createUser } from '../helpers/principals';
import { createTestDb } from '../helpers/test-db';
import { sessionCookie, testApp, type TestApp } from './helpers';

const NOW = new Date('2026-10-20T03:00:00Z');
const PASSWORD = 'mật khẩu tiêu đề 2026';

const nonceOf = (csp: string, directive: string) => new RegExp(`${directive} 'self' 'nonce-([0-9a-f]{32})'(;|$)`).exec(csp)?.[1];

describe('security headers', () => {
  let testDb: ReturnType<typeof createTestDb>;
  let t: TestApp;

  beforeAll(async () => {
    testDb = createTestDb();
    await seedObligation(testDb.db);
    await seedDeadline(testDb.db, { id: 'obl.2026', periodKey: '2026', periodLabel: 'Năm 2026', lastDay: '2026-11-04', dueAt: new Date('2026-11-04T17:00:00Z'), dataFrom: '2025-12-15', dataTo: '2026-12-14' });
    await createUser(testDb.db, { email: 'vhxh@org.test.example', password: PASSWORD, grants: [{ organisationId: 'org', role: 'coordinator' }] });
    t = testApp(testDb.db, () => NOW);
  });
  afterAll(async () => {
    await t?.close();
    await testDb?.cleanup();
  });

  it('sends the headers on pages, the API and unknown addresses alike', async () => {
    for (const url of ['/sign-in', '/health', '/api/deadlines', '/no-such-page']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers, url).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
      });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("script-src-attr 'none'");
      expect(csp).not.toMatch(/script-src [^;]*unsafe-inline/);
      expect(csp).not.toContain('upgrade-insecure-requests'); // plain HTTP here: it would break every request
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it("gives each page's inline style and script this response's nonce, a new one each time", async () => {
    const first = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const second = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const styleNonce = nonceOf(String(first.headers['content-security-policy']), 'style-src');
    expect(styleNonce).toBeTruthy();
    expect(first.body).toContain(`<style nonce="${styleNonce}">`);
    expect(first.body).not.toContain('hbc-style-nonce-'); // the placeholder never leaves the server
    expect(nonceOf(String(second.headers['content-security-policy']), 'style-src')).not.toBe(styleNonce);
  });

  describe('in chromium', () => {
    let browser: Browser;
    let url: string;
    let app: FastifyInstance;

    beforeAll(async () => {
      app = t.app;
      url = await app.listen({ host: '127.0.0.1', port: 0 });
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
    });
    afterAll(async () => browser?.close());

    it("runs the page's own inline script and style and refuses an inline script from elsewhere", async () => {
      const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'vhxh@org.test.example', password: PASSWORD } });
      const context = await browser.newContext();
      await context.addCookies([{ name: 'hbc_session', value: sessionCookie(signIn)!, url }]);
      const page = await context.newPage();
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { violations: string[] }).violations = seen;
        document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      });
      await page.goto(`${url}/deadlines/obl.2026`);
      // The layout's inline style is applied: the header has its colour.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('header')!).backgroundColor)).toBe('rgb(139, 26, 26)');
      // The page's inline script ran: it took over the form, so submitting it stays on the page and shows the answer.
      await page.fill('#submit [name="submittedBy"]', 'Văn thư');
      await page.click('#submit button');
      await page.waitForFunction(() => document.getElementById('result')?.textContent !== '');
      expect(page.url()).toBe(`${url}/deadlines/obl.2026`);
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);

      // A script element no component wrote (what an injection would add) is refused.
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.injected = true';
        document.body.append(s);
      });
      await page.waitForFunction(() => (window as unknown as { violations: string[] }).violations.length > 0);
      expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual(['script-src-elem']);
      await context.close();
    });

    it('shows the API browser at /docs with nothing refused (its own policy allows the styles its script injects)', async () => {
      const page = await browser.newPage();
      const refused: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/.test(m.text())) refused.push(m.text());
      });
      const res = await page.goto(`${url}/docs/`);
      expect(String(res?.headers()['content-security-policy'])).toContain("style-src 'self' 'unsafe-inline'");
      await page.waitForSelector('.opblock');
      expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
      expect(refused).toEqual([]);
      // Everywhere else inline styles still need the nonce.
      expect(String((await app.inject({ method: 'GET', url: '/sign-in' })).headers['content-security-policy'])).toMatch(/style-src 'self' 'nonce-[0-9a-f]{32}';/);
      await page.close();
    });
  });
});

describe('behind HTTPS', () => {
  let testDb: ReturnType<typeof createTestDb>;
  let t: TestApp;

  beforeAll(async () => {
    testDb = createTestDb();
    await testDb.db.organisation.create({ data: { id: 'xa', name: 'UBND xã Thử', kind: 'commune' } });
    await createUser(testDb.db, { email: 'lan@xa.test.example', password: PASSWORD, grants: [{ organisationId: 'xa', role: 'leader' }] });
    t = testApp(testDb.db, () => NOW, { auth: { sessionSecret: 'a-production-secret-of-at-least-32-chars', secureCookies: true, trustProxy: true } });
  });
  afterAll(async () => {
    await t?.close();
    await testDb?.cleanup();
  });

  it('sets Secure cookies on requests the TLS proxy forwards, adds HSTS, and upgrades insecure requests', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'lan@xa.test.example', password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.cookies.filter((c) => c.name === 'hbc_session' && c.value).pop()).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    expect(res.headers['strict-transport-security']).toBe('max-age=15552000');
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});
