// Every periodic obligation in DOMAIN.md's seed table, 2026-2030, with the expected days
// written by hand from the calendar (weekday noted beside each).
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/domain/official-calendar';
import { parseDueRule } from '../../src/domain/due-rule';
import { DomainError } from '../../src/domain/errors';
import { parseIsoDate, toIsoDate } from '../../src/domain/local-date';
import { periodsFor, type PeriodOptions } from '../../src/domain/periods';

const calendar = officialCalendar();

function rows(rule: string, span: { from: number; to: number }, options: PeriodOptions = {}) {
  return periodsFor(parseDueRule(rule), span, calendar, options).map((p) => [
    p.periodKey,
    toIsoDate(p.lastDay),
    toIsoDate(p.lastWorkingDay),
  ]);
}

const SPAN = { from: 2026, to: 2030 };

describe('periods of the seed obligations, 2026-2030', () => {
  it('seed 000 "trước ngày 05/11 hằng năm": last day 04/11, the Friday before when it is a weekend', () => {
    expect(rows('trước ngày 05/11 hằng năm', SPAN, { issuedOn: parseIsoDate('2026-06-11') })).toEqual([
      ['2026', '2026-11-04', '2026-11-04'], // Wednesday
      ['2027', '2027-11-04', '2027-11-04'], // Thursday
      ['2028', '2028-11-04', '2028-11-03'], // Saturday -> Friday
      ['2029', '2029-11-04', '2029-11-02'], // Sunday -> Friday
      ['2030', '2030-11-04', '2030-11-04'], // Monday
    ]);
  });

  it('seed 001 "trước ngày 30/11 hằng năm"', () => {
    expect(rows('trước ngày 30/11 hằng năm', SPAN)).toEqual([
      ['2026', '2026-11-29', '2026-11-27'], // Sunday -> Friday
      ['2027', '2027-11-29', '2027-11-29'], // Monday
      ['2028', '2028-11-29', '2028-11-29'], // Wednesday
      ['2029', '2029-11-29', '2029-11-29'], // Thursday
      ['2030', '2030-11-29', '2030-11-29'], // Friday
    ]);
  });

  it('seed 002 "trước ngày 30/11 hằng năm, hoặc đột xuất": same days, and ad-hoc reports allowed', () => {
    const rule = parseDueRule('trước ngày 30/11 hằng năm hoặc đột xuất theo yêu cầu của tỉnh');
    expect(rule.adhoc).toBe(true);
    expect(periodsFor(rule, SPAN, calendar).map((p) => toIsoDate(p.lastDay))).toEqual([
      '2026-11-29', '2027-11-29', '2028-11-29', '2029-11-29', '2030-11-29',
    ]);
  });

  it('seed 003 "trước ngày 15 tháng 11": 14/11/2026 is a Saturday, due-today on Friday 13/11', () => {
    expect(rows('trước ngày 15 tháng 11', SPAN)).toEqual([
      ['2026', '2026-11-14', '2026-11-13'], // Saturday -> Friday
      ['2027', '2027-11-14', '2027-11-12'], // Sunday -> Friday
      ['2028', '2028-11-14', '2028-11-14'], // Tuesday
      ['2029', '2029-11-14', '2029-11-14'], // Wednesday
      ['2030', '2030-11-14', '2030-11-14'], // Thursday
    ]);
  });

  it('seed 004 six-month report before 05/06 and annual report before 05/12, with Decree 09 windows', () => {
    const periods = periodsFor(parseDueRule('báo cáo 6 tháng trước ngày 05/06 và báo cáo năm trước ngày 05/12'), SPAN, calendar);
    expect(periods.map((p) => [p.periodKey, p.label, toIsoDate(p.lastDay), toIsoDate(p.lastWorkingDay), toIsoDate(p.dataWindow.from), toIsoDate(p.dataWindow.to)])).toEqual([
      ['2026-H1', '6 tháng đầu năm 2026', '2026-06-04', '2026-06-04', '2025-12-15', '2026-06-14'], // Thursday
      ['2026', 'Năm 2026', '2026-12-04', '2026-12-04', '2025-12-15', '2026-12-14'], // Friday
      ['2027-H1', '6 tháng đầu năm 2027', '2027-06-04', '2027-06-04', '2026-12-15', '2027-06-14'], // Friday
      ['2027', 'Năm 2027', '2027-12-04', '2027-12-03', '2026-12-15', '2027-12-14'], // Saturday -> Friday
      ['2028-H1', '6 tháng đầu năm 2028', '2028-06-04', '2028-06-02', '2027-12-15', '2028-06-14'], // Sunday -> Friday
      ['2028', 'Năm 2028', '2028-12-04', '2028-12-04', '2027-12-15', '2028-12-14'], // Monday
      ['2029-H1', '6 tháng đầu năm 2029', '2029-06-04', '2029-06-04', '2028-12-15', '2029-06-14'], // Monday
      ['2029', 'Năm 2029', '2029-12-04', '2029-12-04', '2028-12-15', '2029-12-14'], // Tuesday
      ['2030-H1', '6 tháng đầu năm 2030', '2030-06-04', '2030-06-04', '2029-12-15', '2030-06-14'], // Tuesday
      ['2030', 'Năm 2030', '2030-12-04', '2030-12-04', '2029-12-15', '2030-12-14'], // Wednesday
    ]);
  });

  it('gives the due instant as the start of the next local day, in UTC', () => {
    const [first] = periodsFor(parseDueRule('trước ngày 05/11 hằng năm'), SPAN, calendar);
    expect(first!.dueAt.toISOString()).toBe('2026-11-04T17:00:00.000Z');
    expect(first!.explanation).toContain('04/11/2026 là Thứ Tư, ngày làm việc');
  });
});

describe('holidays and the two holiday rules', () => {
  it.each([
    // rule, year, written-date lastDay, its last working day, civil-code lastDay
    ['chậm nhất ngày 01/05 hằng năm', 2026, '2026-05-01', '2026-04-29', '2026-05-04'], // 30/04 Thu, 01/05 Fri off
    ['chậm nhất ngày 01/05 hằng năm', 2027, '2027-05-01', '2027-04-29', '2027-05-04'], // Sat; Mon 03/05 compensatory
    ['chậm nhất ngày 02/09 hằng năm', 2026, '2026-09-02', '2026-08-28', '2026-09-03'], // Mon 31/08 swapped off (9441/TB-BNV)
    ['trước ngày 15/11 hằng năm', 2026, '2026-11-14', '2026-11-13', '2026-11-16'],
  ])('%s in %i: %s (due today %s); Civil Code %s', (rule, year, lastDay, lastWorkingDay, civil) => {
    const span = { from: year as number, to: year as number };
    expect(rows(rule as string, span)).toEqual([[String(year), lastDay, lastWorkingDay]]);
    expect(rows(rule as string, span, { holidayRule: 'civil-code' })).toEqual([[String(year), civil, civil]]);
  });

  it('an annual report due in February covers the previous year and meets Tết 2026', () => {
    const periods = periodsFor(parseDueRule('trước ngày 20/02 hằng năm'), { from: 2025, to: 2025 }, calendar);
    expect(periods.map((p) => [p.periodKey, toIsoDate(p.lastDay), toIsoDate(p.lastWorkingDay)])).toEqual([
      ['2025', '2026-02-19', '2026-02-13'], // mùng 3 Tết -> Friday before Tết
    ]);
    const civil = periodsFor(parseDueRule('trước ngày 20/02 hằng năm'), { from: 2025, to: 2025 }, calendar, { holidayRule: 'civil-code' });
    expect(toIsoDate(civil[0]!.lastDay)).toBe('2026-02-23'); // Monday after Tết
  });
});

describe('spans, start and other recurrences', () => {
  it('a plan issued after this year\'s last day starts next year', () => {
    expect(rows('trước ngày 05/11 hằng năm', SPAN, { issuedOn: parseIsoDate('2026-11-20') }).map((r) => r[0])).toEqual([
      '2027', '2028', '2029', '2030',
    ]);
  });

  it('keeps inclusive and exclusive wordings apart', () => {
    expect(rows('chậm nhất ngày 05/11 hằng năm', { from: 2026, to: 2026 })).toEqual([['2026', '2026-11-05', '2026-11-05']]);
    expect(rows('trước ngày 05/11 hằng năm', { from: 2026, to: 2026 })).toEqual([['2026', '2026-11-04', '2026-11-04']]);
    expect(rows('đến hết ngày 05/11 hằng năm', { from: 2026, to: 2026 })).toEqual([['2026', '2026-11-05', '2026-11-05']]);
  });

  it('quarterly: before the 15th of the quarter\'s last month, windows ending on the 14th', () => {
    const periods = periodsFor(parseDueRule('hằng quý, trước ngày 15 của tháng cuối quý'), { from: 2027, to: 2027 }, calendar);
    expect(periods.map((p) => [p.periodKey, p.label, toIsoDate(p.lastDay), toIsoDate(p.lastWorkingDay), toIsoDate(p.dataWindow.from), toIsoDate(p.dataWindow.to)])).toEqual([
      ['2027-Q1', 'Quý I/2027', '2027-03-14', '2027-03-12', '2026-12-15', '2027-03-14'], // Sunday -> Friday
      ['2027-Q2', 'Quý II/2027', '2027-06-14', '2027-06-14', '2027-03-15', '2027-06-14'],
      ['2027-Q3', 'Quý III/2027', '2027-09-14', '2027-09-14', '2027-06-15', '2027-09-14'],
      ['2027-Q4', 'Quý IV/2027', '2027-12-14', '2027-12-14', '2027-09-15', '2027-12-14'],
    ]);
  });

  it('"báo cáo quý trước ngày 15 tháng cuối quý": every quarter, the last day the 14th of its last month', () => {
    const periods = periodsFor(parseDueRule('báo cáo quý trước ngày 15 tháng cuối quý'), { from: 2026, to: 2026 }, calendar);
    expect(periods.map((p) => [p.periodKey, p.label, toIsoDate(p.lastDay), toIsoDate(p.lastWorkingDay), toIsoDate(p.dataWindow.from), toIsoDate(p.dataWindow.to)])).toEqual([
      ['2026-Q1', 'Quý I/2026', '2026-03-14', '2026-03-13', '2025-12-15', '2026-03-14'], // Saturday -> Friday
      ['2026-Q2', 'Quý II/2026', '2026-06-14', '2026-06-12', '2026-03-15', '2026-06-14'], // Sunday -> Friday
      ['2026-Q3', 'Quý III/2026', '2026-09-14', '2026-09-14', '2026-06-15', '2026-09-14'], // Monday
      ['2026-Q4', 'Quý IV/2026', '2026-12-14', '2026-12-14', '2026-09-15', '2026-12-14'], // Monday
    ]);
  });

  it('"chậm nhất ngày 20 tháng sau": each month reported by the 20th of the next, the 20th itself on time', () => {
    const periods = periodsFor(parseDueRule('chậm nhất ngày 20 tháng sau'), { from: 2026, to: 2026 }, calendar);
    expect(periods).toHaveLength(12);
    expect([0, 4, 11].map((i) => periods[i]!).map((p) => [p.periodKey, p.label, toIsoDate(p.lastDay), toIsoDate(p.lastWorkingDay), toIsoDate(p.dataWindow.from), toIsoDate(p.dataWindow.to)])).toEqual([
      ['2026-01', 'Tháng 1/2026', '2026-02-20', '2026-02-13', '2025-12-15', '2026-01-14'], // Friday of Tết -> Friday before Tết
      ['2026-05', 'Tháng 5/2026', '2026-06-20', '2026-06-19', '2026-04-15', '2026-05-14'], // Saturday -> Friday
      ['2026-12', 'Tháng 12/2026', '2027-01-20', '2027-01-20', '2026-11-15', '2026-12-14'], // Wednesday, next year
    ]);
    // Inclusive: late only from the start of the 21st, local time.
    expect(periods[11]!.dueAt.toISOString()).toBe('2027-01-20T17:00:00.000Z');
  });

  it('monthly: before the 20th of every month', () => {
    const periods = periodsFor(parseDueRule('trước ngày 20 hằng tháng'), { from: 2026, to: 2026 }, calendar);
    expect(periods).toHaveLength(12);
    expect([periods[1]!.periodKey, toIsoDate(periods[1]!.lastDay), toIsoDate(periods[1]!.lastWorkingDay)]).toEqual([
      '2026-02', '2026-02-19', '2026-02-13', // Tết 2026
    ]);
    expect([toIsoDate(periods[0]!.dataWindow.from), toIsoDate(periods[0]!.dataWindow.to)]).toEqual(['2025-12-15', '2026-01-14']);
  });

  it('once on a date with its year', () => {
    expect(rows('trước ngày 30/06/2027', SPAN)).toEqual([['once-2027-06-30', '2027-06-29', '2027-06-29']]);
  });

  it('ad hoc only: no periodic deadlines', () => {
    expect(periodsFor(parseDueRule('đột xuất theo yêu cầu'), SPAN, calendar)).toEqual([]);
  });

  it.each([
    [{ from: 2030, to: 2026 }, 'invalid-span'],
    [{ from: 2026, to: 2080 }, 'invalid-span'],
  ])('refuses the span %j with %s', (span, code) => {
    expect(() => periodsFor(parseDueRule('trước ngày 05/11 hằng năm'), span, calendar)).toThrowError(
      expect.objectContaining({ code, messageVi: expect.any(String), messageEn: expect.any(String) }) as unknown as Error,
    );
  });

  it('the errors are DomainErrors with both languages', () => {
    try {
      periodsFor(parseDueRule('trước ngày 05/11 hằng năm'), { from: 2030, to: 2026 }, calendar);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).messageVi).toContain('năm kết thúc');
      expect((err as DomainError).messageEn).toContain('end year');
    }
  });
});
