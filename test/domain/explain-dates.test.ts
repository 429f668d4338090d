import { describe, expect, it } from 'vitest';
import { explainDates } from '../../src/domain/explain-dates';
import { parseIsoDate, startOfLocalDay, addDays } from '../../src/domain/local-date';
import { officialCalendar } from '../../src/domain/official-calendar';

const calendar = officialCalendar();
const due = (lastDay: string) => startOfLocalDay(addDays(parseIsoDate(lastDay), 1));

describe('explainDates', () => {
  it.each([
    [
      '"trước ngày 05/11": the 4th is the last day, a Wednesday',
      { ruleText: 'trước ngày 05/11 hằng năm', lastDay: '2026-11-04' },
      [
        '04/11/2026 là Thứ Tư.',
        'Quy định "trước ngày 05/11 hằng năm": "trước ngày 05/11" nghĩa là báo cáo phải đến trước khi ngày 05/11/2026 bắt đầu, nên ngày cuối cùng đúng hạn là Thứ Tư, 04/11/2026.',
        'Báo cáo nhận từ 00:00 Thứ Năm, 05/11/2026 (giờ Việt Nam) trở đi là muộn hạn.',
      ],
    ],
    [
      '"chậm nhất ngày 05/11": the 5th itself is on time',
      { ruleText: 'chậm nhất ngày 05/11 hằng năm', lastDay: '2026-11-05' },
      [
        '05/11/2026 là Thứ Năm.',
        'Quy định "chậm nhất ngày 05/11 hằng năm": ngày 05/11/2026 vẫn là đúng hạn (báo cáo gửi trong ngày này không bị coi là muộn).',
        'Báo cáo nhận từ 00:00 Thứ Sáu, 06/11/2026 (giờ Việt Nam) trở đi là muộn hạn.',
      ],
    ],
    [
      '"trước ngày 15/11" in 2026: Saturday 14/11, with the due-today notice on Friday 13/11',
      { ruleText: 'trước ngày 15/11 hằng năm', lastDay: '2026-11-14' },
      [
        '14/11/2026 là Thứ Bảy.',
        'Quy định "trước ngày 15/11 hằng năm": "trước ngày 15/11" nghĩa là báo cáo phải đến trước khi ngày 15/11/2026 bắt đầu, nên ngày cuối cùng đúng hạn là Thứ Bảy, 14/11/2026.',
        'Ngày cuối cùng là ngày nghỉ: báo cáo gửi trong ngày này vẫn đúng hạn; thông báo "đến hạn hôm nay" được gửi vào ngày làm việc cuối cùng trước đó, Thứ Sáu, 13/11/2026.',
        'Báo cáo nhận từ 00:00 Chủ nhật, 15/11/2026 (giờ Việt Nam) trở đi là muộn hạn.',
      ],
    ],
  ])('%s', (_name, d, lines) => {
    expect(explainDates({ ...d, lastDay: parseIsoDate(d.lastDay), dueAt: due(d.lastDay), extendedFrom: null }, calendar)).toEqual(lines);
  });

  it('says what the rule meant before an extension and what the last day is now, naming a holiday', () => {
    const lines = explainDates({ ruleText: 'trước ngày 05/11 hằng năm', lastDay: parseIsoDate('2026-11-24'), dueAt: due('2026-11-24'), extendedFrom: parseIsoDate('2026-11-04') }, calendar);
    expect(lines[0]).toBe('24/11/2026 là Thứ Ba (Ngày Văn hóa Việt Nam).');
    expect(lines[1]).toContain('ngày cuối cùng đúng hạn là Thứ Tư, 04/11/2026');
    expect(lines.at(-1)).toBe('Đã gia hạn: ngày cuối cùng trước khi gia hạn là Thứ Tư, 04/11/2026; nay là Thứ Ba, 24/11/2026.');
  });
});
