// The years the government has announced, day by day, written by hand from the documents
// (not from the code): every Monday-Friday that is not a working day for public servants and
// every weekend day that is. The documents are in src/domain/official-calendar.data.ts.
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../src/domain/business-calendar';
import { isoWeekday, parseIsoDate } from '../../src/domain/local-date';
import { officialOverrides } from '../../src/domain/official-calendar.data';
import { officialCalendar } from '../../src/domain/official-calendar';

const TET = 'Tết Nguyên đán';

const OFFICIAL: Record<number, { nonWorkingDays: [string, string][]; workingSaturdays: string[] }> = {
  // 5015/TB-LĐTBXH (Tết 08-14/02, Quốc khánh 31/08-03/09); 2450/VPCP-KGVX (29/04 off, 04/05 worked).
  2024: {
    nonWorkingDays: [
      ['2024-01-01', 'Tết Dương lịch'], // Monday
      ['2024-02-08', TET], // Thursday, 29 tháng Chạp Quý Mão
      ['2024-02-09', TET], // 30 tháng Chạp
      ['2024-02-12', TET], // mùng 3; 10-11/02 (mùng 1-2) are the weekend
      ['2024-02-13', TET], // in lieu of Saturday 10/02
      ['2024-02-14', TET], // in lieu of Sunday 11/02
      ['2024-04-18', 'Giỗ Tổ Hùng Vương'], // Thursday, 10/3 Giáp Thìn
      ['2024-04-29', 'Nghỉ hoán đổi dịp 30/4 – 1/5'], // Monday, swapped for Saturday 04/05
      ['2024-04-30', 'Ngày Chiến thắng 30/4'],
      ['2024-05-01', 'Quốc tế Lao động 1/5'],
      ['2024-09-02', 'Quốc khánh 2/9'], // Monday
      ['2024-09-03', 'Quốc khánh 2/9 (ngày liền kề)'], // Tuesday
    ],
    workingSaturdays: ['2024-05-04'],
  },
  // 8726/VPCP-KGVX and 6150/TB-BLĐTBXH: Tết 25/01-02/02 (five Tết days and four weekend days,
  // no swap), 02/05 swapped for Saturday 26/04, Quốc khánh 30/08-02/09.
  2025: {
    nonWorkingDays: [
      ['2025-01-01', 'Tết Dương lịch'], // Wednesday
      ['2025-01-27', TET], // Monday, 28 tháng Chạp Giáp Thìn
      ['2025-01-28', TET], // 29 tháng Chạp, the last day of the year
      ['2025-01-29', TET], // mùng 1 Ất Tỵ
      ['2025-01-30', TET],
      ['2025-01-31', TET], // Friday, mùng 3
      ['2025-04-07', 'Giỗ Tổ Hùng Vương'], // Monday, 10/3 Ất Tỵ
      ['2025-04-30', 'Ngày Chiến thắng 30/4'], // Wednesday
      ['2025-05-01', 'Quốc tế Lao động 1/5'], // Thursday
      ['2025-05-02', 'Nghỉ hoán đổi dịp 30/4 – 1/5'], // Friday, swapped for Saturday 26/04
      ['2025-09-01', 'Quốc khánh 2/9 (ngày liền kề)'], // Monday
      ['2025-09-02', 'Quốc khánh 2/9'], // Tuesday
    ],
    workingSaturdays: ['2025-04-26'],
  },
  // 12729/VPCP-KGVX (02/01 off, 10/01 worked); 9441/TB-BNV (Tết 14-22/02; Quốc khánh 29/08-02/09
  // with 31/08 swapped for Saturday 22/08); Labour Code art. 111(3) for Giỗ Tổ on Sunday 26/04;
  // Ngày Văn hóa Việt Nam 24/11.
  2026: {
    nonWorkingDays: [
      ['2026-01-01', 'Tết Dương lịch'], // Thursday
      ['2026-01-02', 'Nghỉ hoán đổi dịp Tết Dương lịch'], // Friday, swapped for Saturday 10/01
      ['2026-02-16', TET], // Monday, 29 tháng Chạp Ất Tỵ
      ['2026-02-17', TET], // mùng 1 Bính Ngọ
      ['2026-02-18', TET],
      ['2026-02-19', TET],
      ['2026-02-20', TET], // Friday, mùng 4
      ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'], // Monday; 10/3 Bính Ngọ is Sunday 26/04
      ['2026-04-30', 'Ngày Chiến thắng 30/4'], // Thursday
      ['2026-05-01', 'Quốc tế Lao động 1/5'], // Friday
      ['2026-08-31', 'Nghỉ hoán đổi dịp Quốc khánh 2/9'], // Monday, swapped for Saturday 22/08
      ['2026-09-01', 'Quốc khánh 2/9 (ngày liền kề)'], // Tuesday
      ['2026-09-02', 'Quốc khánh 2/9'], // Wednesday
      ['2026-11-24', 'Ngày Văn hóa Việt Nam'], // Tuesday
    ],
    workingSaturdays: ['2026-01-10', '2026-08-22'],
  },
};

const calendar = officialCalendar();
const years = officialOverrides.years ?? {};

describe('official calendar: the years the government announced', () => {
  it.each(Object.keys(OFFICIAL).map(Number))('%i: yearReport lists exactly the announced weekdays off and working Saturdays', (year) => {
    const expected = OFFICIAL[year]!;
    expect(calendar.yearReport(year)).toEqual({
      year,
      nonWorkingDays: expected.nonWorkingDays.map(([date, name]) => ({ date, name })),
      workingSaturdays: expected.workingSaturdays,
    });
  });

  it('covers at least 2024, 2025 and 2026, and nothing this file does not check by hand', () => {
    expect(Object.keys(years).sort()).toEqual(['2024', '2025', '2026']);
    expect(Object.keys(OFFICIAL).sort()).toEqual(Object.keys(years).sort());
  });

  it.each(Object.keys(years))('%s rests on at least one document with its number and date, each source well formed', (year) => {
    const sources = years[year]!.source ?? [];
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      expect(s.document).toMatch(/^\d+[-/]\S+$/u);
      expect(s.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(() => parseIsoDate(s.issuedOn)).not.toThrow();
      // Announced before or during the year it governs.
      expect(Number(s.issuedOn.slice(0, 4))).toBeLessThanOrEqual(Number(year));
      expect(s.issuer.trim()).not.toBe('');
      expect(s.title.trim()).not.toBe('');
      if (s.url) expect(s.url).toMatch(/^https?:\/\//);
    }
  });

  it.each(Object.keys(years))('%s: every date is in its year; days off are weekdays, worked days are weekend days', (year) => {
    const y = years[year]!;
    const offDays = [...(y.tetDaysOff ?? []), ...(y.extraDaysOff ?? []).map((e) => e.date)];
    for (const iso of [...offDays, ...(y.workingWeekendDays ?? []), ...(y.removedDaysOff ?? [])]) expect(iso.slice(0, 4)).toBe(year);
    for (const iso of offDays) expect(isoWeekday(parseIsoDate(iso))).toBeLessThanOrEqual(5);
    for (const iso of y.workingWeekendDays ?? []) expect(isoWeekday(parseIsoDate(iso))).toBeGreaterThanOrEqual(6);
    // The Labour Code gives five Tết days; the announced weekdays off for Tết are always five.
    if (y.tetDaysOff) expect(y.tetDaysOff).toHaveLength(5);
  });

  it('a swap keeps the number of working days: each year works as many weekend days as it adds weekdays off by swap', () => {
    for (const y of Object.values(years)) {
      const swaps = (y.extraDaysOff ?? []).filter((e) => e.name.startsWith('Nghỉ hoán đổi'));
      expect(swaps.length).toBe((y.workingWeekendDays ?? []).length);
    }
  });

  it('years nobody announced stay computed', () => {
    const computed = createBusinessCalendar({});
    for (const year of [2023, 2027, 2028]) expect(calendar.yearReport(year)).toEqual(computed.yearReport(year));
  });
});
