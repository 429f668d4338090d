import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/domain/official-calendar';
import { dayNumber, fromDayNumber } from '../../src/domain/local-date';

// Day numbers from 2020-01-01 to 2040-12-31: the lunar table's range.
const FIRST = dayNumber({ year: 2020, month: 1, day: 1 });
const LAST = dayNumber({ year: 2040, month: 12, day: 31 });
const dayArb = fc.integer({ min: FIRST, max: LAST });

describe('business calendar index (properties)', () => {
  it('counts working days in (a, b] like a day-by-day walk, whatever order the years are first used in', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(dayArb, dayArb), { minLength: 1, maxLength: 8 }), (pairs) => {
        // A fresh calendar per run: the index grows backwards and forwards as the pairs demand.
        const calendar = officialCalendar();
        for (const [a, b] of pairs) {
          let walked = 0;
          for (let n = a + 1; n <= b; n++) if (calendar.isWorkingDay(fromDayNumber(n))) walked += 1;
          expect(calendar.workingDaysBetweenNumbers(a, b)).toBe(walked);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('adding n working days lands on a working day exactly n working days away', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -30, max: 30 }).filter((n) => n !== 0), (from, n) => {
        const calendar = officialCalendar();
        const to = dayNumber(calendar.addWorkingDays(fromDayNumber(from), n));
        expect(calendar.isWorkingDayNumber(to)).toBe(true);
        // Forwards: n working days in (from, to]. Backwards: |n| working days in [to, from).
        const counted = n > 0 ? calendar.workingDaysBetweenNumbers(from, to) : calendar.workingDaysBetweenNumbers(to - 1, from - 1);
        expect(counted).toBe(Math.abs(n));
      }),
      { numRuns: 300 },
    );
  });
});
