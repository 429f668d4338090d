// What a clerk reads in each email kind, composed from a deadline's context. Pure: no
// database, no SMTP.
import { describe, expect, it } from 'vitest';
import type { DeadlineContext } from '../../src/stores/deadline-context';
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
