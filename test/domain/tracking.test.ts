// A plan confirmed mid-span (issue 13 item 4): which periods are tracked, for the rules of
// the genre, at an explicit day; and how a period before tracking is counted on the board.
import { describe, expect, it } from 'vitest';
import { boardEntry, countBoard, ratesOf } from '../../src/domain/board';
import { parseDueRule } from '../../src/domain/due-rule';
import { localDate, parseIsoDate, toIsoDate } from '../../src/domain/local-date';
import { officialCalendar } from '../../src/domain/official-calendar';
import { periodsFor } from '../../src/domain/periods';
import { firstTrackedIndex, trackingStartDay } from '../../src/domain/tracking';

const calendar = officialCalendar();
const SPAN = { from: 2026, to: 2027 };
const ISSUED = { issuedOn: parseIsoDate('2026-01-05') };

/** The key of the first tracked period of `rule` when tracking starts on `from` (null: none left). */
function firstTracked(rule: string, from: string): string | null {
  const periods = periodsFor(parseDueRule(rule), SPAN, calendar, ISSUED);
  return periods[firstTrackedIndex(periods, parseIsoDate(from))]?.periodKey ?? null;
}

describe('the first period tracked', () => {
  it.each<[string, string, string, string | null]>([
    ['an annual report whose 2026 date has passed starts with 2027', 'trước ngày 30/11 hằng năm', '2026-12-20', '2027'],
    ['an annual report still ahead this year starts with this year', 'trước ngày 30/11 hằng năm', '2026-06-10', '2026'],
    ['a period due on the very day tracking starts is still tracked', 'chậm nhất ngày 30/11 hằng năm', '2026-11-30', '2026'],
    ['a six-month and annual rule in July starts with the annual report', 'báo cáo 6 tháng trước ngày 05/06 và báo cáo năm trước ngày 05/12', '2026-07-01', '2026'],
    ['the same rule in December after the annual date starts with next year\'s six-month report', 'báo cáo 6 tháng trước ngày 05/06 và báo cáo năm trước ngày 05/12', '2026-12-20', '2027-H1'],
    ['a quarterly report in May starts with the second quarter', 'hằng quý trước ngày 15 tháng cuối quý', '2026-05-20', '2026-Q2'],
    ['a monthly report on 21 August starts with September', 'trước ngày 20 hằng tháng', '2026-08-21', '2026-09'],
    ['a plan whose span is over tracks nothing', 'trước ngày 30/11 hằng năm', '2028-01-02', null],
    ['a day before the plan tracks every period', 'trước ngày 30/11 hằng năm', '2025-12-01', '2026'],
  ])('%s', (_name, rule, from, expected) => {
    expect(firstTracked(rule, from)).toBe(expected);
  });

  it("starts on the coordinator's day, else on the local day of now (UTC+7)", () => {
    expect(toIsoDate(trackingStartDay(localDate(2026, 3, 1), new Date('2026-12-20T03:00:00Z')))).toBe('2026-03-01');
    // 17:30 UTC on 19/12 is already 20/12 in Vietnam.
    expect(toIsoDate(trackingStartDay(null, new Date('2026-12-19T17:30:00Z')))).toBe('2026-12-20');
  });
});

describe('a period before tracking on the board', () => {
  const now = new Date('2027-03-01T03:00:00Z');
  const past = { lastDay: parseIsoDate('2026-11-29') };
  const entries = [
    boardEntry({ ...past, beforeTracking: true }, now, calendar),
    boardEntry({ ...past, beforeTracking: true, escalation: { level: 1, to: 'Trưởng phòng' } }, now, calendar),
    boardEntry(past, now, calendar),
  ];

  it('is counted apart: not due, not overdue, no ageing, no escalation label', () => {
    expect(entries[0]).toMatchObject({ official: 'untracked', state: 'before-tracking', workingDaysLate: 0, ageing: null });
    expect(entries[1]!.labelVi).not.toContain('đôn đốc');
    expect(countBoard(entries)).toMatchObject({ total: 3, untracked: 2, overdue: 1, 'not-due': 0 });
  });

  it('is not expected in the reporting rate', () => {
    expect(ratesOf(entries)).toMatchObject({ expected: 1, received: 0 });
  });
});
