// A deadline's history as sentences a coordinator reads, for every event type the
// activities and services append (grep appendEvent), and for types added later.
import { describe, expect, it } from 'vitest';
import { eventSentence, stepWords } from '../../src/web/event-text';

const AT = new Date('2026-10-14T01:00:00Z');
const row = (type: string, payload: unknown) => ({ at: AT, type, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

describe('eventSentence', () => {
  it.each([
    ['period-opened', { periodKey: '2026', lastDay: '2026-11-04' }, 'Mở kỳ báo cáo: Năm 2026; hạn cuối Thứ Tư, 04/11/2026.'],
    ['period-before-tracking', { periodKey: '2026', lastDay: '2026-11-04', trackFrom: '2026-12-20' }, 'Ghi nhận kỳ báo cáo: Năm 2026; đã hết hạn trước khi bắt đầu theo dõi kế hoạch nên không nhắc, không tính trễ.'],
    [
      'reminder-requested',
      { by: 'Phòng VH-XH', at: '2026-11-27T15:00:00.000Z', sendAt: '2026-11-30T01:00:00.000Z', note: 'Gửi kèm phụ lục' },
      'Phòng VH-XH yêu cầu gửi nhắc ngay; ngoài giờ làm việc nên thư đi lúc 08:00 Thứ Hai, 30/11/2026. Ghi chú: Gửi kèm phụ lục.',
    ],
    ['reminder-requested', { by: 'Phòng VH-XH', at: '2026-11-27T03:00:00.000Z', sendAt: '2026-11-27T03:00:00.000Z' }, 'Phòng VH-XH yêu cầu gửi nhắc ngay.'],
    [
      'email-sent',
      { step: 'escalation-1', kind: 'escalation', to: 'truongphong@hoa-an.example', sample: true },
      'Đã gửi thư đôn đốc (đôn đốc cấp 1) tới truongphong@hoa-an.example. (Dữ liệu mẫu: lịch sử dựng sẵn, không có thư thật.)',
    ],
    [
      'email-dropped',
      { step: 'manual-1', kind: 'manual', to: 'vanthu@anphu.gov.vn' },
      'Không gửi thư nhắc hạn do cơ quan đầu mối gửi (nhắc ngay lần 1) tới vanthu@anphu.gov.vn: kỳ báo cáo đã kết thúc trước giờ gửi.',
    ],
    [
      'email-sent',
      { step: 'reminder-3wd', kind: 'reminder', to: 'vanthu@anphu.gov.vn' },
      'Đã gửi thư nhắc hạn (nhắc trước 3 ngày làm việc) tới vanthu@anphu.gov.vn.',
    ],
    [
      'email-sent',
      { step: 'r1.overdue', kind: 'overdue', to: 'truongtram@anphu.gov.vn', digest: 'digest:truongtram@anphu.gov.vn|2026-11-23:1' },
      'Đã gửi thư báo quá hạn (báo quá hạn, theo hạn mới lần 1) tới truongtram@anphu.gov.vn, gộp trong thư tổng hợp trong ngày.',
    ],
    ['email-sent', { step: 'escalation-2', kind: 'escalation', to: 'chutich@anphu.gov.vn' }, 'Đã gửi thư đôn đốc (đôn đốc cấp 2) tới chutich@anphu.gov.vn.'],
    ['email-sent', { step: 'manual-1', kind: 'manual', to: 'vanthu@anphu.gov.vn' }, 'Đã gửi thư nhắc hạn do cơ quan đầu mối gửi (nhắc ngay lần 1) tới vanthu@anphu.gov.vn.'],
    // The digest activity records no kind for a failure: it is read from the step key.
    [
      'email-failed',
      { step: 'repeat-2', to: 'sai-dia-chi@anphu.gov.vn' },
      'Không gửi được thư nhắc lại (nhắc lại lần 2) tới sai-dia-chi@anphu.gov.vn: máy chủ thư từ chối. Hãy kiểm tra lại địa chỉ email.',
    ],
    [
      'no-recipients',
      { step: 'due-today', audience: ['agency-contacts', 'agency-head'] },
      'Không có ai để gửi (đến hạn hôm nay): chưa có địa chỉ email của người liên hệ của đơn vị, thủ trưởng đơn vị.',
    ],
    [
      'submitted',
      { by: 'Nguyễn Thị Hoa', late: false, at: '2026-11-03T02:15:00.000Z' },
      'Đã nhận báo cáo từ Nguyễn Thị Hoa lúc 09:15 Thứ Ba, 03/11/2026 (đúng hạn).',
    ],
    ['submitted', { by: 'Lò Văn Pản', late: true, at: '2026-11-05T17:30:00.000Z' }, 'Đã nhận báo cáo từ Lò Văn Pản lúc 00:30 Thứ Sáu, 06/11/2026 (muộn hạn).'],
    [
      'extended',
      { from: '2026-11-04', to: '2026-11-20', reason: 'Mưa lũ chia cắt thôn bản', by: 'Phó Chủ tịch UBND xã' },
      'Gia hạn từ 04/11/2026 đến 20/11/2026. Lý do: Mưa lũ chia cắt thôn bản. Người cho phép: Phó Chủ tịch UBND xã.',
    ],
    [
      'waived',
      { reason: 'Đơn vị đã giải thể.', by: 'Chủ tịch UBND xã', at: '2026-10-01T03:00:00.000Z' },
      'Miễn báo cáo kỳ này. Lý do: Đơn vị đã giải thể. Người quyết định: Chủ tịch UBND xã.',
    ],
    [
      'returned',
      { reason: 'Thiếu số liệu chỉ tiêu 4', by: 'Chuyên viên VH-XH', from: '2026-11-04', to: '2026-11-20', round: 1 },
      'Yêu cầu bổ sung: báo cáo được trả lại cho đơn vị, hạn mới 20/11/2026. Lý do: Thiếu số liệu chỉ tiêu 4. Người yêu cầu: Chuyên viên VH-XH.',
    ],
    ['links-revoked', { by: 'vhxh@xa.example', reason: 'Thư bị chuyển nhầm' }, 'Thu hồi các liên kết gửi báo cáo đã gửi cho đơn vị (vhxh@xa.example). Lý do: Thư bị chuyển nhầm.'],
    ['email-sent', { step: 'return-1', kind: 'return', to: 'vanthu@tyt.example' }, 'Đã gửi thư yêu cầu bổ sung báo cáo (return-1) tới vanthu@tyt.example.'],
    // Types appended later by others: still readable, dates written for people.
    [
      'remind-limited',
      { by: 'Phòng Văn hóa – Xã hội', until: '2026-11-05', at: '2026-11-04T09:00:00.000Z', count: 3, urgent: false },
      'Sự kiện "remind-limited": by: Phòng Văn hóa – Xã hội; until: 05/11/2026; at: 16:00 Thứ Tư, 04/11/2026; count: 3; urgent: không.',
    ],
    ['something-new', '', 'Sự kiện "something-new".'],
    ['something-new', 'not json', 'Sự kiện "something-new": nội dung: not json.'],
  ])('%s %j', (type, payload, expected) => {
    expect(eventSentence(row(type, payload), { periodLabel: 'Năm 2026' })).toBe(expected);
  });

  it('falls back to the written words when a stored day is not a real day', () => {
    expect(eventSentence(row('extended', { from: '2026-11-04', to: '2026-02-31' }))).toBe('Gia hạn từ 04/11/2026 đến 2026-02-31.');
  });
});

describe('stepWords', () => {
  it.each([
    ['reminder-14wd', 'nhắc trước 14 ngày làm việc'],
    ['due-today', 'đến hạn hôm nay'],
    ['overdue', 'báo quá hạn'],
    ['escalation-1', 'đôn đốc cấp 1'],
    ['repeat-12', 'nhắc lại lần 12'],
    ['r2.reminder-1wd', 'nhắc trước 1 ngày làm việc, theo hạn mới lần 2'],
    ['receipt', 'xác nhận đã nhận'],
    ['extension-1', 'gia hạn lần 1'],
    ['a-step-from-later', 'a-step-from-later'],
  ])('%s -> %s', (key, words) => {
    expect(stepWords(key)).toBe(words);
  });
});
