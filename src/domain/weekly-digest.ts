// The leader's weekly digest: when it goes (08:00 on the first working day of each week, so
// a week that starts with a holiday gets it on its first working day, a week wholly off gets
// none), and what it says: reports received on time and late in the seven days before, and
// reports missing (overdue) at that moment, compared with the week before. Pure.
import type { BusinessCalendar } from './business-calendar';
import { boardEntry } from './board';
import { addDays, instantAt, isoWeekday, localDateOf, type LocalDate } from './local-date';
import type { DeadlineFacts } from './status';

export const WEEKLY_DIGEST_HOUR = 8;
const WEEK_MS = 7 * 24 * 60 * 60_000;
/** A year of weeks without one working day means a broken calendar. */
const MAX_WEEKS = 60;

/** The first working day of the ISO week (Monday to Sunday) holding `d`, or null when the whole week is off. */
export function firstWorkingDayOfWeek(d: LocalDate, calendar: BusinessCalendar): LocalDate | null {
  const monday = addDays(d, 1 - isoWeekday(d));
  for (let i = 0; i < 7; i++) {
    const day = addDays(monday, i);
    if (calendar.isWorkingDay(day)) return day;
  }
  return null;
}

/** The next digest instant strictly after `after`. Throws on a calendar with no working day in MAX_WEEKS weeks. */
export function nextWeeklyDigestAt(after: Date, calendar: BusinessCalendar): Date {
  let d = localDateOf(after);
  for (let w = 0; w < MAX_WEEKS; w++) {
    const first = firstWorkingDayOfWeek(d, calendar);
    if (first) {
      const at = instantAt(first, WEEKLY_DIGEST_HOUR);
      if (at.getTime() > after.getTime()) return at;
    }
    d = addDays(d, 7);
  }
  throw new Error(`no working day in ${MAX_WEEKS} weeks after ${after.toISOString()}: the calendar is broken`);
}

export interface WeekFigures {
  /** Received on time in the seven days before. */
  onTime: number;
  /** Received late in the seven days before. */
  late: number;
  /** Overdue at the moment. */
  missing: number;
}

/**
 * The figures at `at` from each deadline's facts as they are now: a report that arrived after
 * `at` counts as not yet arrived. (A waiver is taken as it is now: its date is not in the facts.)
 */
export function weekFigures(facts: readonly DeadlineFacts[], at: Date, calendar: BusinessCalendar): WeekFigures {
  const from = at.getTime() - WEEK_MS;
  const figures: WeekFigures = { onTime: 0, late: 0, missing: 0 };
  for (const f of facts) {
    const submittedAt = f.submittedAt && f.submittedAt.getTime() <= at.getTime() ? f.submittedAt : null;
    const entry = boardEntry({ ...f, submittedAt }, at, calendar);
    if (submittedAt && submittedAt.getTime() > from) {
      if (entry.official === 'on-time') figures.onTime += 1;
      if (entry.official === 'late') figures.late += 1;
    }
    if (entry.official === 'overdue') figures.missing += 1;
  }
  return figures;
}

/** The week's figures and the week before's, as `at` and `at` minus seven days see them. */
export function weeklyDigestFigures(facts: readonly DeadlineFacts[], at: Date, calendar: BusinessCalendar): { thisWeek: WeekFigures; weekBefore: WeekFigures } {
  return { thisWeek: weekFigures(facts, at, calendar), weekBefore: weekFigures(facts, new Date(at.getTime() - WEEK_MS), calendar) };
}
