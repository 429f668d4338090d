// What the pages show people: the deadline's history as sentences, dates as dd/MM/yyyy,
// and nothing a hostile name can turn around (bidirectional overrides neutralised).
import { describe, expect, it } from 'vitest';
import type { CaughtMail } from '../../src/mail/mail-catcher';
import type { DeadlineView } from '../../src/services/list-deadlines';
import { BIDI_CLASS, esc } from '../../src/web/html';
import { importPage } from '../../src/web/import-page';
import { notFoundPage } from '../../src/web/not-found-page';
import { dashboardPage, deadlinePage, inboxPage } from '../../src/web/pages';
import { hasBidiControls, neutraliseBidi } from '../../src/domain/text';

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
    ['the dashboard', () => dashboardPage([view()]), true],
    ['a deadline page with its history', () => deadlinePage(view(), events), true],
    ['a deadline page with a report received', () => deadlinePage(view({ submission: { submittedAt: '2026-11-18T08:30:00.000Z', submittedBy: HOSTILE, documentNumber: `12/BC ${HOSTILE}`, late: false } }), []), true],
    ['the inbox', () => inboxPage([mail]), true],
    ['the not-found page', () => notFoundPage(`/deadlines/${HOSTILE}`), true],
    // Static: its names arrive by fetch and go through the script's esc (below, and in chromium).
    ['the import page', () => importPage(), false],
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
  ]);

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

describe('esc and the pages\' scripts remove the same characters as neutraliseBidi', () => {
  it('escapes markup and removes bidirectional controls', () => {
    expect(esc(`<b title="x">${HOSTILE}</b> & 'y'`)).toBe(`&#60;b title=&#34;x&#34;&#62;${neutraliseBidi(HOSTILE)}&#60;/b&#62; &#38; &#39;y&#39;`);
  });

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

  it('the import page\'s script escapes with it', () => {
    expect(importPage()).toContain(`String(v ?? '').replace(/${BIDI_CLASS}/g, '')`);
  });
});
