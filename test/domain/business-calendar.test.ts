import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../src/domain/business-calendar';
import { officialCalendar } from '../../src/domain/official-calendar';
import { parseIsoDate, toIsoDate } from '../../src/domain/local-date';

const calendar = officialCalendar();
const d = parseIsoDate;

describe('business calendar, Asia/Ho_Chi_Minh', () => {
  it.each([
    ['2026-11-04', null], // Wednesday
    ['2026-11-14', 'Thứ Bảy'],
    ['2026-11-15', 'Chủ nhật'],
    ['2026-01-01', 'Tết Dương lịch'],
    ['2026-02-16', 'Tết Nguyên đán'], // 29 tháng Chạp
    ['2026-02-20', 'Tết Nguyên đán'], // mùng 4
    ['2026-02-23', null],
    ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'], // 10/3 lunar is Sunday 26/04/2026
    ['2026-04-30', 'Ngày Chiến thắng 30/4'],
    ['2026-05-01', 'Quốc tế Lao động 1/5'],
    ['2026-09-01', 'Quốc khánh 2/9 (ngày liền kề)'],
    ['2026-09-02', 'Quốc khánh 2/9'],
    ['2027-02-05', 'Tết Nguyên đán'], // Friday before Tết (Saturday 06/02/2027)
    ['2027-02-11', 'Tết Nguyên đán'],
    ['2027-02-12', null],
    ['2027-05-03', 'Nghỉ bù Quốc tế Lao động 1/5'], // 01/05/2027 is a Saturday
    ['2027-09-03', 'Quốc khánh 2/9 (ngày liền kề)'], // 02/09/2027 is a Thursday
    ['2028-01-03', 'Nghỉ bù Tết Dương lịch'], // 01/01/2028 is a Saturday
    ['2028-01-31', 'Tết Nguyên đán'],
    ['2028-05-02', 'Nghỉ bù Ngày Chiến thắng 30/4'], // 30/04/2028 is a Sunday
    ['2028-09-04', 'Nghỉ bù Quốc khánh 2/9'],
    ['2025-02-15', 'Thứ Bảy'], // no make-up Saturday after Tết 2025 (6150/TB-BLĐTBXH)
    ['2025-04-26', null], // a Saturday declared a working day (official override)
    ['2025-05-02', 'Nghỉ hoán đổi dịp 30/4 – 1/5'],
  ])('%s: %s', (day, reason) => {
    expect(calendar.nonWorkingReason(d(day))).toBe(reason);
    expect(calendar.isWorkingDay(d(day))).toBe(reason === null);
  });

  it.each([
    ['next', '2026-02-13', '2026-02-23'], // Friday before Tết -> Monday after
    ['next', '2026-11-13', '2026-11-16'],
    ['previous', '2026-02-23', '2026-02-13'],
    ['previous', '2026-05-04', '2026-04-29'], // across 30/04-01/05 and the weekend
    ['previous', '2026-09-03', '2026-08-28'], // across 01-02/09 and Monday 31/08 (swapped for Saturday 22/08)
    ['previous', '2026-11-25', '2026-11-23'], // across Ngày Văn hóa Việt Nam, Tuesday 24/11
  ])('%s working day from %s is %s', (direction, from, expected) => {
    const day = direction === 'next' ? calendar.nextWorkingDay(d(from)) : calendar.previousWorkingDay(d(from));
    expect(toIsoDate(day)).toBe(expected);
  });

  it.each([
    ['2026-11-04', -14, '2026-10-15'],
    ['2026-11-04', 3, '2026-11-09'],
    ['2026-11-14', 1, '2026-11-16'], // from a Saturday, +1 is Monday
    ['2026-11-14', -1, '2026-11-13'],
    ['2026-11-14', 0, '2026-11-14'],
    ['2027-02-19', -7, '2027-02-03'], // seven working days back across Tết 2027
    ['2027-02-19', -14, '2027-01-25'],
    ['2025-04-25', 1, '2025-04-26'], // the make-up Saturday counts
    ['2025-02-14', 1, '2025-02-17'],
  ])('%s %+d working days is %s', (from, n, expected) => {
    expect(toIsoDate(calendar.addWorkingDays(d(from), n))).toBe(expected);
  });

  it.each([
    ['2026-11-04', '2026-11-13', 7],
    ['2026-11-04', '2026-11-04', 0],
    ['2026-11-13', '2026-11-04', 0],
    ['2026-02-13', '2026-02-23', 1],
  ])('working days in (%s, %s] = %i', (a, b, n) => {
    expect(calendar.workingDaysBetween(d(a), d(b))).toBe(n);
  });

  it('applies overrides given as data: a compensatory day off and a make-up Saturday', () => {
    const custom = createBusinessCalendar({
      years: { '2027': { extraDaysOff: [{ date: '2027-04-29', name: 'Nghỉ hoán đổi' }], workingWeekendDays: ['2027-04-24'] } },
    });
    expect(custom.nonWorkingReason(d('2027-04-29'))).toBe('Nghỉ hoán đổi');
    expect(custom.isWorkingDay(d('2027-04-24'))).toBe(true);
    expect(custom.yearReport(2027).workingSaturdays).toEqual(['2027-04-24']);
  });

  it('lists 2026 for the calendar command: weekdays off and make-up Saturdays', () => {
    expect(calendar.yearReport(2026)).toEqual({
      year: 2026,
      nonWorkingDays: [
        { date: '2026-01-01', name: 'Tết Dương lịch' },
        { date: '2026-01-02', name: 'Nghỉ hoán đổi dịp Tết Dương lịch' },
        { date: '2026-02-16', name: 'Tết Nguyên đán' },
        { date: '2026-02-17', name: 'Tết Nguyên đán' },
        { date: '2026-02-18', name: 'Tết Nguyên đán' },
        { date: '2026-02-19', name: 'Tết Nguyên đán' },
        { date: '2026-02-20', name: 'Tết Nguyên đán' },
        { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
        { date: '2026-04-30', name: 'Ngày Chiến thắng 30/4' },
        { date: '2026-05-01', name: 'Quốc tế Lao động 1/5' },
        { date: '2026-08-31', name: 'Nghỉ hoán đổi dịp Quốc khánh 2/9' },
        { date: '2026-09-01', name: 'Quốc khánh 2/9 (ngày liền kề)' },
        { date: '2026-09-02', name: 'Quốc khánh 2/9' },
        { date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam' },
      ],
      workingSaturdays: ['2026-01-10', '2026-08-22'],
    });
  });
});
