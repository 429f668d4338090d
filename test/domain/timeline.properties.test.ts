// Invariants of planSteps over random deadlines 2026-2035 (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar, type CalendarOverrides } from '../../src/domain/business-calendar';
import { officialCalendar } from '../../src/domain/official-calendar';
import { addDays, compareDates, fromDayNumber, dayNumber, localDateOf, toIsoDate, type LocalDate } from '../../src/domain/local-date';
import { officialOverrides } from '../../src/domain/official-calendar.data';
import { defaultReminderPolicy, planSteps } from '../../src/domain/timeline';

const calendar = officialCalendar();
const FROM = dayNumber({ year: 2026, month: 1, day: 1 });
const TO = dayNumber({ year: 2035, month: 12, day: 31 });
const aDay = fc.integer({ min: FROM, max: TO }).map(fromDayNumber);
const anInstantNear = (d: LocalDate) =>
  fc.integer({ min: -40 * 86_400_000, max: 80 * 86_400_000 }).map((ms) => new Date(Date.UTC(d.year, d.month - 1, d.day) + ms));
const policy = defaultReminderPolicy;
const localHour = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).getUTCHours();

/** The official calendar with one more day off. */
function withDayOff(day: LocalDate): CalendarOverrides {
  const key = String(day.year);
  const year = officialOverrides.years?.[key] ?? {};
  const extraDaysOff = [...(year.extraDaysOff ?? []), { date: toIsoDate(day), name: 'Nghỉ đột xuất' }];
  return { years: { ...officialOverrides.years, [key]: { ...year, extraDaysOff } } };
}

describe('timeline invariants', () => {
  it('steps are ordered, keys unique, each on a working day at the send hour', () => {
    fc.assert(
      fc.property(aDay, (lastDay) => {
        const steps = planSteps({ lastDay }, policy, calendar);
        const times = steps.map((s) => s.sendAt.getTime());
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
        for (const s of steps) {
          expect(calendar.isWorkingDay(localDateOf(s.sendAt))).toBe(true);
          expect(localHour(s.sendAt)).toBe(policy.sendHour);
        }
      }),
    );
  });

  it('nothing is planned at or after a submission, and nothing at all once waived', () => {
    fc.assert(
      fc.property(aDay.chain((d) => fc.tuple(fc.constant(d), anInstantNear(d))), ([lastDay, submittedAt]) => {
        for (const s of planSteps({ lastDay }, policy, calendar, { submittedAt })) {
          expect(s.sendAt.getTime()).toBeLessThan(submittedAt.getTime());
        }
        expect(planSteps({ lastDay }, policy, calendar, { waived: true })).toEqual([]);
      }),
    );
  });

  it('an extension never drops a later step and never moves one earlier', () => {
    fc.assert(
      fc.property(
        aDay.chain((d) => fc.tuple(fc.constant(d), fc.integer({ min: 1, max: 60 }), anInstantNear(d))),
        ([lastDay, extraDays, now]) => {
          const before = planSteps({ lastDay }, policy, calendar, { after: now });
          const after = new Map(planSteps({ lastDay: addDays(lastDay, extraDays) }, policy, calendar, { after: now }).map((s) => [s.key, s]));
          for (const s of before) {
            const moved = after.get(s.key);
            expect(moved, s.key).toBeDefined();
            expect(moved!.sendAt.getTime()).toBeGreaterThanOrEqual(s.sendAt.getTime());
          }
        },
      ),
    );
  });

  it('a holiday added to the calendar moves only the steps whose reckoning crosses it', () => {
    fc.assert(
      fc.property(
        aDay.chain((d) => fc.tuple(fc.constant(d), fc.integer({ min: -30, max: 60 }))),
        ([lastDay, offset]) => {
          const holiday = addDays(lastDay, offset);
          const withHoliday = createBusinessCalendar(withDayOff(holiday));
          const old = planSteps({ lastDay }, policy, calendar);
          const replanned = new Map(planSteps({ lastDay }, policy, withHoliday).map((s) => [s.key, s]));
          expect([...replanned.keys()].sort()).toEqual(old.map((s) => s.key).sort());
          for (const s of old) {
            const day = localDateOf(s.sendAt);
            const [lo, hi] = compareDates(day, lastDay) <= 0 ? [day, lastDay] : [lastDay, day];
            const crosses = compareDates(lo, holiday) <= 0 && compareDates(holiday, hi) <= 0;
            if (!crosses) expect(replanned.get(s.key)!.sendAt, s.key).toEqual(s.sendAt);
            expect(toIsoDate(localDateOf(replanned.get(s.key)!.sendAt))).not.toBe(toIsoDate(holiday));
          }
        },
      ),
    );
  });
});

describe('local-date arithmetic', () => {
  it('dayNumber and fromDayNumber agree with the JavaScript calendar from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 11, 31) / 86_400_000 }), (n) => {
        const at = new Date(n * 86_400_000);
        const d = { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
        expect(fromDayNumber(n)).toEqual(d);
        expect(dayNumber(d)).toBe(n);
      }),
    );
  });
});
