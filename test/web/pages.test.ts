// What the pages show people: the deadline's history as sentences, dates as dd/MM/yyyy, the
// forms the policy allows and no other, and nothing a hostile name can turn around (markup
// escaped, bidirectional overrides neutralised).
import { describe, expect, it } from 'vitest';
import type { CaughtMail } from '../../src/mail/mail-catcher';
import type { DeadlineView } from '../../src/services/list-deadlines';
import { NO_ACTIONS } from '../../src/web/deadline-actions';
import { BIDI_CLASS } from '../../src/web/html';
import { importPage } from '../../src/web/import-page';
import { errorPage, notFoundPage } from '../../src/web/not-found-page';
import { dashboardPage, deadlinePage, inboxPage } from '../../src/web/pages';
import type { PageChrome } from '../../src/web/ui/layout';
import { hasBidiControls } from '../../src/domain/text';

/** "Trạm Y tế xã" followed by an override that would show "exe.fdp" reversed, and friends. */
const HOSTILE = 'Trạm Y tế xã\u202Efdp.exe\u202C \u2067isolate\u2069 \u200Fmark';

function view(over: Partial<DeadlineView> = {}): DeadlineView {
  return {
    id: 'xa-an-phu.12-kh-ubnd.tram-y-te.abc.2026',
    planNumber: '12/KH-UBND',
    planTitle: `Kế hoạch ${HOSTILE}`,
    agency: HOSTILE,
    period: '2026',
    periodLabel: 'Năm 2026',
    ruleText: `trước ngày 05/11 hằng năm ${HOSTILE}`,
    lastDay: '2026-11-04',
    lastDayVi: 'Thứ Tư, 04/11/2026',
    dataWindow: { from: '2025-12-15', to: '2026-12-14' },
    dataWindowVi: 'từ 15/12/2025 đến thời điểm báo cáo, ước thực hiện đến 14/12/2026',
    state: 'submitted-on-time',
    stateLabel: 'Đã nộp đúng hạn',
    nextStep: { kind: 'reminder', at: '2026-10-21T01:00:00.000Z' },
    submission: null,
    kind: 'periodic',
    progress: null,
    ...over,
  };
}

const ALL_ACTIONS = { submit: true, remind: true, extend: true, waive: true };

/** A signed-in visitor whose own label is hostile too (an account name is typed by a person). */
const chrome: PageChrome = { user: HOSTILE, nav: [{ href: '/', label: 'Danh sách hạn' }], csrfToken: 'csrf-token-of-the-session' };

const events = [
  { at: new Date('2026-03-10T03:00:00Z'), type: 'period-opened', payload: JSON.stringify({ periodKey: '2026', lastDay: '2026-11-04' }) },
  { at: new Date('2026-10-14T01:00:00Z'), type: 'email-sent', payload: JSON.stringify({ step: 'reminder-14wd', kind: 'reminder', to: 'vanthu@anphu.gov.vn' }) },
  { at: new Date('2026-10-20T02:00:00Z'), type: 'extended', payload: JSON.stringify({ from: '2026-11-04', to: '2026-11-20', reason: `Mưa lũ ${HOSTILE}`, by: HOSTILE }) },
  { at: new Date('2026-11-18T08:30:00Z'), type: 'submitted', payload: JSON.stringify({ by: HOSTILE, late: false, at: '2026-11-18T08:30:00.000Z' }) },
];

const mail: CaughtMail = {
  id: 1,
  receivedAt: '2026-10-14T01:00:05.000Z',
  envelopeFrom: 'hanbaocao@localhost',
  envelopeTo: ['vanthu@anphu.gov.vn'],
  from: 'hanbaocao@localhost',
  to: ['vanthu@anphu.gov.vn'],
  cc: [],
  subject: `[Nhắc hạn] 12/KH-UBND – ${HOSTILE}`,
  text: `Kính gửi ${HOSTILE}`,
  html: '',
  messageId: null,
  headers: {},
};

describe('pages neutralise bidirectional overrides in names and notes', () => {
  it.each([
    ['the dashboard', () => dashboardPage([view()], chrome), true],
    ['a deadline page with its history and forms', () => deadlinePage(view({ state: 'overdue' }), events, ALL_ACTIONS, chrome), true],
    ['a deadline page with a report received', () => deadlinePage(view({ submission: { submittedAt: '2026-11-18T08:30:00.000Z', submittedBy: HOSTILE, documentNumber: `12/BC ${HOSTILE}`, late: false } }), [], NO_ACTIONS, chrome), true],
    ['the inbox', () => inboxPage([mail], chrome), true],
    ['the not-found page', () => notFoundPage(`/deadlines/${HOSTILE}`), true],
    ['the error page', () => errorPage(`Không tìm thấy ${HOSTILE}`, chrome), true],
    // Its own names arrive by fetch and go through the script's esc (below, and in chromium); the header's are the visitor's.
    ['the import page', () => importPage(chrome), true],
  ])('%s contains no bidirectional control and still shows the name', (_what, render, showsName) => {
    const html = render();
    expect(hasBidiControls(html)).toBe(false);
    if (showsName) expect(html).toContain('Trạm Y tế xãfdp.exe');
  });
});

describe('the deadline page', () => {
  const html = deadlinePage(view({ planTitle: 'Kế hoạch công tác dân vận', agency: 'Trạm Y tế xã', ruleText: 'trước ngày 05/11 hằng năm' }), [
    events[0]!,
    events[1]!,
    { at: new Date('2026-10-20T02:00:00Z'), type: 'extended', payload: JSON.stringify({ from: '2026-11-04', to: '2026-11-20', reason: 'Mưa lũ', by: 'Phó Chủ tịch UBND xã' }) },
  ], NO_ACTIONS, chrome);

  it('shows each event as a Vietnamese sentence at "HH:mm Thứ X, dd/MM/yyyy"', () => {
    expect(html).toContain('<td>10:00 Thứ Ba, 10/03/2026</td><td>Mở kỳ báo cáo: Năm 2026; hạn cuối Thứ Tư, 04/11/2026.</td>');
    expect(html).toContain('<td>08:00 Thứ Tư, 14/10/2026</td><td>Đã gửi thư nhắc hạn (nhắc trước 14 ngày làm việc) tới vanthu@anphu.gov.vn.</td>');
    expect(html).toContain('<td>09:00 Thứ Ba, 20/10/2026</td><td>Gia hạn từ 04/11/2026 đến 20/11/2026. Lý do: Mưa lũ. Người cho phép: Phó Chủ tịch UBND xã.</td>');
  });

  it('says what data the report covers, with the estimate when the window ends after the last day', () => {
    expect(html).toContain('<p>Số liệu: từ 15/12/2025 đến thời điểm báo cáo, ước thực hiện đến 14/12/2026</p>');
  });

  it('shows no raw JSON, English event codes or ISO days', () => {
    // What a person sees: the text, not the markup's attributes.
    const history = html.slice(html.indexOf('<h2>Lịch sử</h2>')).replace(/<[^>]*>/g, ' ');
    expect(history).not.toMatch(/&#123;|&#34;|\{"|"\}/);
    expect(history).not.toMatch(/period-opened|email-sent|extended|reminder-14wd/);
    expect(history).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('the deadline page offers the actions the policy allows, and no other', () => {
  const formsOf = (html: string) => [...html.matchAll(/<form id="(\w+)" data-api="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
  const api = (path: string) => `/api/deadlines/xa-an-phu.12-kh-ubnd.tram-y-te.abc.2026/${path}`;

  it.each([
    ['a coordinator of the commune', ALL_ACTIONS, ['submit', 'remind', 'extend', 'waive']],
    ['an agency user of its own agency', { ...NO_ACTIONS, submit: true }, ['submit']],
    ['a leader (read-only)', NO_ACTIONS, []],
  ])('%s sees exactly its forms', (_who, actions, ids) => {
    const html = deadlinePage(view({ state: 'overdue' }), [], actions, chrome);
    const paths: Record<string, string> = { submit: 'submission', remind: 'remind', extend: 'extension', waive: 'waiver' };
    expect(formsOf(html)).toEqual(ids.map((id) => `${id} ${api(paths[id]!)}`));
    // Without a form there is nothing for a script to send.
    expect(/<script[\s>]/.test(html)).toBe(ids.length > 0);
  });

  it.each([
    ['a report is received', view({ state: 'submitted-late', submission: { submittedAt: '2026-11-18T08:30:00.000Z', submittedBy: 'Văn thư', documentNumber: null, late: true } })],
    ['the period is waived', view({ state: 'waived', stateLabel: 'Miễn báo cáo kỳ này' })],
  ])('offers no form once %s', (_what, closed) => {
    expect(formsOf(deadlinePage(closed, [], ALL_ACTIONS, chrome))).toEqual([]);
  });

  it('lets the extension pick only a day after the current last day', () => {
    expect(deadlinePage(view({ state: 'overdue', lastDay: '2026-12-31' }), [], ALL_ACTIONS, chrome)).toContain('name="newLastDay" type="date" min="2027-01-01" required');
  });

  it('gives the page\'s requests the session\'s CSRF token, which its script sends as x-csrf-token', () => {
    for (const html of [deadlinePage(view({ state: 'overdue' }), [], ALL_ACTIONS, chrome), importPage(chrome)]) {
      expect(html).toContain('<meta name="csrf-token" content="csrf-token-of-the-session"/>');
      expect(html).toContain(`document.querySelector('meta[name="csrf-token"]')`);
      expect(html).toMatch(/'x-csrf-token': (csrf|CSRF)/);
    }
    expect(importPage(chrome).match(/'x-csrf-token': CSRF/g)).toHaveLength(3);
  });
});

describe('every page has the one layout: Vietnamese, the visitor\'s links and sign-out', () => {
  it.each([
    ['the dashboard', () => dashboardPage([], chrome)],
    ['a deadline page', () => deadlinePage(view(), [], NO_ACTIONS, chrome)],
    ['the inbox', () => inboxPage(null, chrome)],
    ['the import page', () => importPage(chrome)],
    ['the error page', () => errorPage('Tài khoản này không có quyền thực hiện thao tác này.', chrome)],
  ])('%s', (_what, render) => {
    const html = render();
    expect(html.startsWith('<!doctype html>\n<html lang="vi">')).toBe(true);
    expect(html).toContain('<a href="/">Danh sách hạn</a>');
    expect(html).toContain('<form method="post" action="/sign-out" style="margin:0"><input type="hidden" name="_csrf" value="csrf-token-of-the-session"/><button class="link">Đăng xuất</button></form>');
  });

  it('escapes markup a person typed, in text and attributes', () => {
    const typed = '"><script>alert(1)</script>';
    const html = [
      dashboardPage([view({ agency: typed, id: typed, state: typed })], { ...chrome, user: typed }),
      deadlinePage(view({ agency: typed, planTitle: typed, ruleText: typed, id: typed, state: 'overdue' }), [{ at: new Date('2026-10-20T02:00:00Z'), type: typed, payload: JSON.stringify({ note: typed }) }], ALL_ACTIONS, chrome),
      inboxPage([{ ...mail, subject: typed, text: typed, to: [typed] }], chrome),
    ].join('\n');
    expect(html).not.toContain(typed);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
  });
});

describe('the pages\' scripts remove the same characters as neutraliseBidi', () => {
  it('BIDI_CLASS, used by the scripts in the browser, is neutraliseBidi\'s set over the whole BMP', () => {
    const inBrowser = new RegExp(BIDI_CLASS);
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (inBrowser.test(ch) !== hasBidiControls(ch)) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
    expect(inBrowser.test('\u202E')).toBe(true);
  });

  it.each([
    ['the import page', () => importPage(chrome)],
    ['a deadline page with forms', () => deadlinePage(view({ state: 'overdue' }), [], ALL_ACTIONS, chrome)],
  ])('%s\'s script cleans text with it', (_what, render) => {
    expect(render()).toContain(`.replace(/${BIDI_CLASS}/g, '')`);
  });
});
