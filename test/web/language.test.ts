// The language switch: Vietnamese by default, English by a link in every page's header that
// sets a preference cookie and comes back to the same page (never to another site), and the
// pages, their header and their error pages follow it.
import { describe, expect, it } from 'vitest';
import { safeLocalPath } from '../../src/api/locale';
import { pagesWorld } from '../helpers/pages-world';

describe('where the switch may send the visitor back (safeLocalPath)', () => {
  it.each([
    ['/board', '/board'],
    ['/board?status=overdue&page=2', '/board?status=overdue&page=2'],
    ['//evil.com', '/'],
    ['/\\evil.com', '/'],
    ['/\t/evil.com', '/'],
    ['https://evil.com/', '/'],
    ['javascript:alert(1)', '/'],
    ['', '/'],
    [undefined, '/'],
  ])('%j -> %s', (next, expected) => {
    expect(safeLocalPath(next)).toBe(expected);
  });
});

describe('the language switch on real pages', () => {
  const world = pagesWorld('language-test');
  const signIn = (email: string) => world.signIn(email);

  const page = (url: string, cookies: Record<string, string>) => world.app.inject({ method: 'GET', url, cookies, headers: { accept: 'text/html' } });

  it('sets a plain preference cookie and goes back to the page, with 303', async () => {
    const res = await world.app.inject({ method: 'GET', url: '/lang/en?next=%2Fboard%3Fstatus%3Doverdue' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/board?status=overdue');
    const cookie = res.cookies.find((c) => c.name === 'hbc_lang')!;
    expect(cookie).toMatchObject({ value: 'en', path: '/', sameSite: 'Lax', httpOnly: true });
    expect(cookie.maxAge).toBeGreaterThan(30 * 24 * 3600);
  });

  it('refuses to send the visitor to another site', async () => {
    for (const next of ['//evil.com', 'https://evil.com', '/%5Cevil.com', '/%09/evil.com']) {
      const res = await world.app.inject({ method: 'GET', url: `/lang/vi?next=${encodeURIComponent(decodeURIComponent(next))}` });
      expect([res.statusCode, res.headers.location]).toEqual([303, '/']);
    }
    expect((await world.app.inject({ method: 'GET', url: '/lang/fr?next=/' })).statusCode).toBe(400);
  });

  it('reads Vietnamese by default and English after the switch, header included', async () => {
    const cookies = await signIn('vhxh@org.test.example');
    const vi = await page('/', cookies);
    expect(vi.body).toContain('<html lang="vi">');
    expect(vi.body).toContain('href="/lang/en?next=%2F"');
    expect(vi.body).toContain('Danh sách hạn báo cáo');

    const en = await page('/', { ...cookies, hbc_lang: 'en' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('href="/lang/vi?next=%2F"');
    expect(en.body).toContain('>Tiếng Việt</a>');
    expect(en.body).toContain('>Sign out</button>');
    expect(en.body).toContain('<a href="/board">Board</a>');
    expect(en.body).not.toContain('Danh sách hạn báo cáo');
  });

  it('answers refused and missing pages in the visitor\'s language', async () => {
    const cookies = await signIn('tyt@org.test.example');
    const refused = await page('/imports/new', { ...cookies, hbc_lang: 'en' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('<html lang="en">');
    expect(refused.body).toContain('Cannot open the page');
    expect(refused.body).not.toContain('Tài khoản này không có quyền');

    const missing = await page('/no-such-page', { hbc_lang: 'en' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Page not found');
    expect(missing.body).toContain('href="/lang/vi?next=%2Fno-such-page"');
  });
});
