// What a clerk reads in each email kind, composed from a deadline's context. Pure: no
// database, no SMTP.
import { describe, expect, it } from 'vitest';
import type { DeadlineContext } from '../../src/stores/deadline-context';
import { composeAccountEmail } from '../../activities/email/account-email';
import { composeCampaignEmail } from '../../activities/email/campaign-email';
import { composeDeadlineEmail, type EmailKind } from '../../activities/email/deadline-email';

const ctx = {
  deadline: { id: 'obl.2026', periodLabel: 'Năm 2026', lastDay: '2026-11-04', dataFrom: '2025-12-15', dataTo: '2026-12-14', status: 'open' },
  plan: { id: 'plan', number: '52/KH-UBND', title: 'Kế hoạch bình đẳng giới', organisation: { name: 'UBND xã Hòa An' } },
  agency: { name: 'Trạm Y tế xã', contacts: [] },
  obligation: { indicators: 'Mục tiêu 4', ruleText: 'trước ngày 05/11 hằng năm', kind: 'periodic' },
  coordinator: { name: 'Phòng Văn hóa – Xã hội', contacts: [{ name: 'Chuyên viên', email: 'vhxh@hoa-an.example' }] },
} as unknown as DeadlineContext;

const compose = (kind: EmailKind, overdueWorkingDays = 0) => composeDeadlineEmail(kind, ctx, { publicUrl: 'http://hbc.test', overdueWorkingDays });

describe('deadline emails', () => {
  it.each<[EmailKind, string]>([
    ['reminder', 'Xác nhận đã gửi báo cáo'],
    ['due-today', 'Xác nhận đã gửi báo cáo'],
    ['extension', 'Xác nhận đã gửi báo cáo'],
    ['receipt', 'Xem chi tiết'],
    ['waiver', 'Xem chi tiết'],
  ])('the %s email links with "%s"', (kind, label) => {
    const email = compose(kind);
    expect(email.html).toContain(`>${label}</a>`);
    expect(email.html.match(/<a /g)).toHaveLength(1);
  });

  it('a reminder by hand about a deadline already past says it is overdue, in the subject and the text', () => {
    const email = compose('manual', 17);
    expect(email.subject).toBe('[Quá hạn] 52/KH-UBND – Trạm Y tế xã: báo cáo năm 2026, hạn Thứ Tư, 04/11/2026');
    expect(email.text).toContain('Báo cáo sau đã quá hạn 17 ngày làm việc (ngày cuối cùng đúng hạn: Thứ Tư, 04/11/2026). Đề nghị đơn vị gửi ngay.');
    expect(email.text).not.toContain('Xin nhắc');
    expect(compose('manual', 0).subject).toMatch(/^\[Nhắc hạn\]/);
  });

  it('an annual report due before 14/12 covers data to the report day, with an estimate to 14/12', () => {
    expect(compose('reminder').text).toContain('Số liệu: từ 15/12/2025 đến thời điểm báo cáo, ước thực hiện đến 14/12/2026');
  });

  it('keeps the message body a fragment and frames it once', () => {
    const email = compose('reminder');
    expect(email.htmlBody).not.toMatch(/<html|<body|<!doctype/i);
    expect(email.html.match(/<html/g)).toHaveLength(1);
    expect(email.html).toContain(email.htmlBody);
  });
});

describe('deadline emails in English', () => {
  const en = (kind: EmailKind, overdueWorkingDays = 0) => composeDeadlineEmail(kind, ctx, { publicUrl: 'http://hbc.test', overdueWorkingDays, language: 'en' });

  it('writes the subject, the opening and the dates in English with the English weekday; what people typed stays as typed', () => {
    const email = en('reminder');
    expect(email.subject).toBe('[Reminder] 52/KH-UBND – Trạm Y tế xã: report for Year 2026, due Wednesday, 04/11/2026');
    expect(email.text).toContain('Last day on time: Wednesday, 04/11/2026');
    expect(email.text).toContain('Data: from 15/12/2025 to the day of the report, with an estimate to 14/12/2026');
    expect(email.text).toContain('Rule (as written): trước ngày 05/11 hằng năm');
    expect(email.html).toContain('<html lang="en">');
    expect(email.html).toContain('>Confirm the report was sent</a>');
  });

  it('says a reminder by hand about a deadline already past is overdue', () => {
    const email = en('manual', 17);
    expect(email.subject).toBe('[Overdue] 52/KH-UBND – Trạm Y tế xã: report for Year 2026, due Wednesday, 04/11/2026');
    expect(email.text).toContain('The following report is 17 working days overdue (last day on time: Wednesday, 04/11/2026). Please send it at once.');
  });

  it('escapes a hostile agency name and note in the HTML', () => {
    const hostile = { ...ctx, agency: { ...ctx.agency, name: '<img src=x onerror=alert(1)>' } } as DeadlineContext;
    const email = composeDeadlineEmail('receipt', hostile, { publicUrl: 'http://hbc.test', language: 'en', note: '"><script>x</script>' });
    expect(email.html).not.toMatch(/<img|<script/);
    expect(email.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(email.text).toContain('To: <img src=x onerror=alert(1)>');
  });
});

describe('campaign and account emails in English', () => {
  it('dates a campaign with English weekdays', () => {
    const email = composeCampaignEmail(
      'start',
      { planNumber: '1/KH', planTitle: 'Kế hoạch', campaignName: 'Tháng hành động', year: 2026, start: '2026-11-15', end: '2026-12-15', resultsDue: '2026-12-20', organiser: null, publicUrl: 'http://hbc.test' },
      'en',
    );
    expect(email.subject).toBe('[Starts today] 1/KH – Tháng hành động 2026');
    expect(email.text).toContain('Dates: from Sunday, 15/11/2026 to Tuesday, 15/12/2026');
    expect(email.text).toContain('Results report due: Sunday, 20/12/2026');
  });

  it('sends a password reset in English alone, the name escaped', () => {
    const mail = composeAccountEmail({ kind: 'password-reset', name: '<b>Lan</b>', email: 'lan@x.example', token: 't', expiresAt: '2026-11-04T03:00:00.000Z' }, 'http://hbc.test', 'en');
    expect(mail.subject).toBe('[Hạn báo cáo] Password reset');
    expect(mail.text).toContain('until 10:00 Wednesday, 04/11/2026 (Asia/Ho_Chi_Minh)');
    expect(mail.text).not.toContain('Kính gửi');
    expect(mail.html).toContain('Dear &lt;b>Lan&lt;/b>');
    expect(mail.html).not.toContain('<b>Lan');
  });
});
