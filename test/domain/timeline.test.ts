// The default ladder around concrete deadlines; instants are 08:00 in Hà Nội = 01:00Z.
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/domain/official-calendar';
import { parseIsoDate } from '../../src/domain/local-date';
import { defaultReminderPolicy, planSteps, type TimelineStep } from '../../src/domain/timeline';

const calendar = officialCalendar();
const brief = (steps: TimelineStep[]) => steps.map((s) => [s.key, s.sendAt.toISOString().slice(0, 16), s.audience.join('+'), s.copyTo.join('+')]);

describe('planSteps with the default policy', () => {
  it('lays out the ladder for Wednesday 04/11/2026 (seed 000, 2026)', () => {
    const steps = planSteps({ lastDay: parseIsoDate('2026-11-04') }, defaultReminderPolicy, calendar);
    expect(brief(steps).slice(0, 11)).toEqual([
      ['reminder-14wd', '2026-10-15T01:00', 'agency-contacts', ''], // Thursday
      ['reminder-7wd', '2026-10-26T01:00', 'agency-contacts', ''], // Monday
      ['reminder-3wd', '2026-10-30T01:00', 'agency-contacts', ''], // Friday
      ['reminder-1wd', '2026-11-03T01:00', 'agency-contacts', ''], // Tuesday
      ['due-today', '2026-11-04T01:00', 'agency-contacts', ''],
      ['overdue', '2026-11-05T01:00', 'agency-head+agency-contacts', 'coordinator'], // Thursday
      ['escalation-1', '2026-11-09T01:00', 'coordinator-head+coordinator', ''], // 3 working days late
      ['escalation-2', '2026-11-13T01:00', 'leadership+coordinator', ''], // 7 working days late
      ['repeat-1', '2026-11-20T01:00', 'agency-contacts+agency-head', 'coordinator'],
      ['repeat-2', '2026-11-27T01:00', 'agency-contacts+agency-head', 'coordinator'],
      ['repeat-3', '2026-12-04T01:00', 'agency-contacts+agency-head', 'coordinator'],
    ]);
    expect(steps).toHaveLength(4 + 1 + 1 + 2 + defaultReminderPolicy.repeatCap);
    expect(steps.at(-1)!.key).toBe('repeat-26');
  });

  it('sends "due today" on Friday when the last day is Saturday 14/11/2026 (seed 003)', () => {
    const steps = planSteps({ lastDay: parseIsoDate('2026-11-14') }, defaultReminderPolicy, calendar);
    expect(brief(steps).slice(0, 9).map((s) => [s[0], s[1]])).toEqual([
      ['reminder-14wd', '2026-10-26T01:00'],
      ['reminder-7wd', '2026-11-04T01:00'],
      ['reminder-3wd', '2026-11-10T01:00'],
      ['reminder-1wd', '2026-11-12T01:00'],
      ['due-today', '2026-11-13T01:00'], // Friday, the last working day
      ['overdue', '2026-11-16T01:00'], // Monday
      ['escalation-1', '2026-11-18T01:00'],
      ['escalation-2', '2026-11-25T01:00'], // 7 working days overdue: Tuesday 24/11 is Ngày Văn hóa Việt Nam
      ['repeat-1', '2026-12-02T01:00'],
    ]);
    expect(steps[4]!.explanation).toContain('là ngày nghỉ');
  });

  it('skips Tết 2027 when counting working days back from Friday 19/02/2027', () => {
    const steps = planSteps({ lastDay: parseIsoDate('2027-02-19') }, defaultReminderPolicy, calendar);
    expect(brief(steps).slice(0, 4).map((s) => [s[0], s[1]])).toEqual([
      ['reminder-14wd', '2027-01-25T01:00'],
      ['reminder-7wd', '2027-02-03T01:00'], // the last working day before Tết
      ['reminder-3wd', '2027-02-16T01:00'],
      ['reminder-1wd', '2027-02-18T01:00'],
    ]);
  });

  it('moves an overdue notice past Tết: last day Thursday 04/02/2027, first working day after is 12/02', () => {
    const steps = planSteps({ lastDay: parseIsoDate('2027-02-04') }, defaultReminderPolicy, calendar);
    expect(steps.find((s) => s.key === 'overdue')!.sendAt.toISOString()).toBe('2027-02-12T01:00:00.000Z');
  });

  it('keeps only steps at or after `after`, and none at or after a submission', () => {
    const lastDay = parseIsoDate('2026-11-04');
    const after = planSteps({ lastDay }, defaultReminderPolicy, calendar, { after: new Date('2026-11-01T00:00:00Z') });
    expect(after[0]!.key).toBe('reminder-1wd');
    const submitted = planSteps({ lastDay }, defaultReminderPolicy, calendar, { submittedAt: new Date('2026-11-05T03:00:00Z') });
    expect(submitted.map((s) => s.key)).toEqual(['reminder-14wd', 'reminder-7wd', 'reminder-3wd', 'reminder-1wd', 'due-today', 'overdue']);
    expect(planSteps({ lastDay }, defaultReminderPolicy, calendar, { waived: true })).toEqual([]);
  });

  it('honours quiet days and a custom send hour', () => {
    const steps = planSteps(
      { lastDay: parseIsoDate('2026-11-04') },
      { ...defaultReminderPolicy, sendHour: 14, sendMinute: 30, quietDays: ['2026-10-30'] },
      calendar,
    );
    expect(steps.find((s) => s.key === 'reminder-3wd')!.sendAt.toISOString()).toBe('2026-10-29T07:30:00.000Z');
  });
});
