// The header of every page comes from the policy table: each role sees the links it may use
// and no other, the development inbox only beside the SMTP catcher, and a signed-in user gets
// the session's CSRF token for sign-out and the page's own requests.
import { describe, expect, it } from 'vitest';
import { navFor } from '../../src/api/chrome';
import { ANONYMOUS, type Grant, type Principal, type Role } from '../../src/auth/policy';
import { pagesWorld } from '../helpers/pages-world';

const user = (...grants: Grant[]): Principal => ({ kind: 'user', id: 'u', label: 'u@test.example', grants });
const as = (role: Role, organisationId = 'org'): Grant => ({ organisationId, role, ...(role === 'agency' ? { agencyId: 'tyt' } : {}) });
const labels = (p: Principal, inbox = true) => navFor(p, { inbox }).map((l) => l.label);

describe('the header\'s links per role (navFor)', () => {
  it.each<[Role, string[]]>([
    ['administrator', ['Bảng theo dõi', 'Danh sách hạn', 'Chậm báo cáo', 'Thư trả lời', 'Nhập kế hoạch', 'Quản trị', 'Nhật ký', 'Hộp thư (dev)']],
    // Coordinators keep their agencies and contacts (admin.agency).
    ['coordinator', ['Bảng theo dõi', 'Danh sách hạn', 'Chậm báo cáo', 'Thư trả lời', 'Nhập kế hoạch', 'Quản trị', 'Hộp thư (dev)']],
    ['leader', ['Bảng theo dõi', 'Danh sách hạn', 'Chậm báo cáo']],
    ['agency', ['Bảng theo dõi', 'Danh sách hạn', 'Chậm báo cáo']],
    ['auditor', ['Bảng theo dõi', 'Danh sách hạn', 'Chậm báo cáo', 'Thư trả lời', 'Nhật ký']],
  ])('%s', (role, expected) => {
    expect(labels(user(as(role)))).toEqual(expected);
  });

  it('links each to its page', () => {
    expect(navFor(user(as('administrator')), { inbox: true }).map((l) => l.href)).toEqual(['/board', '/', '/late', '/replies', '/imports/new', '/admin', '/admin/audit', '/inbox']);
  });

  it('offers the development inbox only where the SMTP catcher runs', () => {
    expect(labels(user(as('administrator')), false)).toEqual(['Bảng theo dõi', 'Danh sách hạn', 'Chậm báo cáo', 'Thư trả lời', 'Nhập kế hoạch', 'Quản trị', 'Nhật ký']);
  });

  it('joins the links of every grant, and shows an anonymous visitor none', () => {
    expect(labels(user(as('leader', 'tinh'), as('auditor')))).toEqual(['Bảng theo dõi', 'Danh sách hạn', 'Chậm báo cáo', 'Thư trả lời', 'Nhật ký']);
    expect(labels(ANONYMOUS)).toEqual([]);
  });
});

describe('the header on real pages (chromeFor)', () => {
  const world = pagesWorld('chrome-test');
  const signIn = (email: string) => world.signIn(email);

  const header = (html: string) => /<header>(.*?)<\/header>/s.exec(html)?.[1] ?? '';
  const links = (html: string) => [...header(html).matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);

  it('shows a coordinator its links, its name, and a sign-out form whose token the server takes', async () => {
    const cookies = await signIn('vhxh@org.test.example');
    const page = await world.app.inject({ method: 'GET', url: '/', cookies, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(links(page.body)).toEqual(['/board Bảng theo dõi', '/ Danh sách hạn', '/late Chậm báo cáo', '/replies Thư trả lời', '/imports/new Nhập kế hoạch', '/admin Quản trị', '/inbox Hộp thư (dev)']);
    expect(header(page.body)).toContain('<span>vhxh@org.test.example</span>');
    const token = /name="_csrf" value="([^"]+)"/.exec(header(page.body))![1]!;
    expect(page.body).toContain(`<meta name="csrf-token" content="${token}"/>`);

    const out = await world.app.inject({ method: 'POST', url: '/sign-out', cookies, payload: { _csrf: token } });
    expect([out.statusCode, out.headers.location]).toEqual([303, '/sign-in']);
    expect((await world.app.inject({ method: 'GET', url: '/', cookies, headers: { accept: 'text/html' } })).statusCode).toBe(303);
  });

  it('keeps the visitor\'s header on a page the policy refuses', async () => {
    const cookies = await signIn('tyt@org.test.example');
    const refused = await world.app.inject({ method: 'GET', url: '/imports/new', cookies, headers: { accept: 'text/html' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Tài khoản này không có quyền thực hiện thao tác này.');
    expect(links(refused.body)).toEqual(['/board Bảng theo dõi', '/ Danh sách hạn', '/late Chậm báo cáo']);
    expect(header(refused.body)).toContain('<span>tyt@org.test.example</span>');
  });
});
