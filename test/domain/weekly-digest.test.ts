import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/domain/local-date';
import { officialCalendar } from '../../src/domain/official-calendar';
import { nextWeeklyDigestAt, weeklyDigestFigures } from '../../src/domain/weekly-digest';

const calendar = officialCalendar();

describe('nextWeeklyDigestAt: 08:00 local on the first working day of the week', () => {
  it.each([
    ['from a Sunday, the Monday after', '2026-11-15T03:00:00Z', '2026-11-16T01:00:00.000Z'],
    ['from Monday 07:59, that Monday', '2026-11-16T00:59:00Z', '2026-11-16T01:00:00.000Z'],
    ['from Monday 08:00 itself, the next week', '2026-11-16T01:00:00Z', '2026-11-23T01:00:00.000Z'],
    ['the week of Tết 2027 (Monday 08/02 to Thursday 11/02 off): Friday 12/02', '2027-02-07T03:00:00Z', '2027-02-12T01:00:00.000Z'],
    ['the week of 01/01/2027 (a Friday): Monday 28/12/2026 is its first working day', '2026-12-27T03:00:00Z', '2026-12-28T01:00:00.000Z'],
  ])('%s', (_name, after, expected) => {
    expect(nextWeeklyDigestAt(new Date(after), calendar).toISOString()).toBe(expected);
  });
});

describe('weeklyDigestFigures', () => {
  const at = new Date('2026-11-16T01:00:00Z'); // Monday 16/11 08:00
  const wed = parseIsoDate('2026-11-04');
  const facts = [
    { lastDay: wed, submittedAt: new Date('2026-11-03T03:00:00Z') }, // on time, the week before
    { lastDay: wed, submittedAt: new Date('2026-11-10T03:00:00Z') }, // late, this week
    { lastDay: parseIsoDate('2026-11-12'), submittedAt: new Date('2026-11-12T03:00:00Z') }, // on time, this week
    { lastDay: wed }, // missing both weeks
    { lastDay: parseIsoDate('2026-11-11') }, // missing this week only
    { lastDay: wed, waived: true },
  ];

  it('counts arrivals in each seven days and what is missing at each moment; a report that came later is missing before it', () => {
    expect(weeklyDigestFigures(facts, at, calendar)).toEqual({
      thisWeek: { onTime: 1, late: 1, missing: 2 },
      weekBefore: { onTime: 1, late: 0, missing: 2 }, // 09/11: the late one was still missing
    });
  });
});
