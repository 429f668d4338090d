import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/domain/official-calendar';
import { campaignPeriods, campaignSteps } from '../../src/domain/campaign';
import { checkCascade, rollUpDeadline } from '../../src/domain/cascade';
import { parseIsoDate, toIsoDate } from '../../src/domain/local-date';
import { defaultReminderPolicy } from '../../src/domain/timeline';

const calendar = officialCalendar();
const ACTION_MONTH = { name: 'Tháng hành động vì bình đẳng giới', start: { day: 15, month: 11 }, end: { day: 15, month: 12 }, recurring: true };

describe('campaigns', () => {
  it('runs the Action Month 15/11-15/12 every year of seeds 001 and 004, results 5 working days after', () => {
    const runs = campaignPeriods(ACTION_MONTH, { from: 2026, to: 2030 }, calendar);
    expect(runs.map((r) => [r.year, toIsoDate(r.start), toIsoDate(r.end), toIsoDate(r.midpoint), toIsoDate(r.resultsDue)])).toEqual([
      [2026, '2026-11-15', '2026-12-15', '2026-11-30', '2026-12-22'],
      [2027, '2027-11-15', '2027-12-15', '2027-11-30', '2027-12-22'],
      [2028, '2028-11-15', '2028-12-15', '2028-11-30', '2028-12-22'],
      [2029, '2029-11-15', '2029-12-15', '2029-11-30', '2029-12-21'], // 15/12/2029 is a Saturday
      [2030, '2030-11-15', '2030-12-15', '2030-11-30', '2030-12-20'], // 15/12/2030 is a Sunday
    ]);
  });

  it('sends notice, start, mid-point, end and results steps for 2026 on working days at 08:00', () => {
    const [run] = campaignPeriods(ACTION_MONTH, { from: 2026, to: 2026 }, calendar);
    expect(campaignSteps(run!, defaultReminderPolicy, calendar).map((s) => [s.key, s.sendAt.toISOString().slice(0, 16)])).toEqual([
      ['notice', '2026-11-09T01:00'], // Monday, 5 working days before Sunday 15/11
      ['start', '2026-11-16T01:00'], // Monday after the Sunday start
      ['midpoint', '2026-11-30T01:00'],
      ['end', '2026-12-15T01:00'],
      ['results-reminder', '2026-12-17T01:00'],
      ['results-due', '2026-12-22T01:00'],
      ['results-overdue', '2026-12-23T01:00'],
    ]);
  });

  it('observance days (08/03, 28/06, 20/10) are one-day campaigns; a run crossing New Year ends next year', () => {
    const day = campaignPeriods({ name: 'Ngày Quốc tế Phụ nữ', start: { day: 8, month: 3 }, end: { day: 8, month: 3 }, recurring: true, resultsDue: { day: 15, month: 3 } }, { from: 2027, to: 2027 }, calendar);
    expect(day.map((r) => [toIsoDate(r.start), toIsoDate(r.end), toIsoDate(r.resultsDue)])).toEqual([['2027-03-08', '2027-03-08', '2027-03-15']]);
    const winter = campaignPeriods({ name: 'Đợt cao điểm', start: { day: 20, month: 12 }, end: { day: 10, month: 1 }, recurring: false }, { from: 2026, to: 2030 }, calendar);
    expect(winter.map((r) => [toIsoDate(r.start), toIsoDate(r.end)])).toEqual([['2026-12-20', '2027-01-10']]);
  });

  it.each([
    // seed 001's "Việc nhà bình đẳng" days in 2026: the first-day notice goes out on the
    // first working day on or after the day itself.
    ['08/03', 3, 8, '2026-03-09T01:00'], // Sunday -> Monday
    ['28/06', 6, 28, '2026-06-29T01:00'], // Sunday -> Monday
    ['20/10', 10, 20, '2026-10-20T01:00'], // Tuesday
  ])('observance day %s in 2026: start notice at %s', (_label, month, day, startAt) => {
    const [run] = campaignPeriods({ name: 'Việc nhà bình đẳng', start: { day: day as number, month: month as number }, end: { day: day as number, month: month as number }, recurring: true }, { from: 2026, to: 2026 }, calendar);
    const steps = campaignSteps(run!, defaultReminderPolicy, calendar);
    expect(steps.find((s) => s.key === 'start')!.sendAt.toISOString().slice(0, 16)).toBe(startAt);
  });

  it('skips a year whose run began before the plan was issued', () => {
    const runs = campaignPeriods(ACTION_MONTH, { from: 2026, to: 2027 }, calendar, { issuedOn: parseIsoDate('2026-11-20') });
    expect(runs.map((r) => r.year)).toEqual([2027]);
  });
});

describe('cascades: the coordinator\'s roll-up after the agencies', () => {
  it.each([
    ['2026-11-04', '2026-11-05', false, 0], // Thursday right after: no day to compile
    ['2026-11-04', '2026-11-06', true, 1],
    ['2026-11-13', '2026-11-16', false, 0], // Friday -> Monday: the weekend is not a working day
    ['2026-11-04', '2026-11-15', true, 7], // seed 000 (before 05/11) then seed 003-style 15/11
  ])('agencies %s, roll-up %s: ok=%s with %i working days', (a, b, ok, gap) => {
    const check = checkCascade(parseIsoDate(a), parseIsoDate(b), calendar);
    expect([check.ok, check.gapWorkingDays]).toEqual([ok, gap]);
    expect(check.messageVi.length).toBeGreaterThan(0);
  });

  it('proposes the earliest roll-up day leaving one working day: Wednesday 04/11 -> Friday 06/11', () => {
    expect(toIsoDate(rollUpDeadline(parseIsoDate('2026-11-04'), calendar))).toBe('2026-11-06');
    expect(toIsoDate(rollUpDeadline(parseIsoDate('2026-11-13'), calendar))).toBe('2026-11-17');
  });
});
