import { DomainError } from './errors';
import {
  addDays,
  compareDates,
  dayNumber,
  isoWeekday,
  toIsoDate,
  type LocalDate,
} from './local-date';
import { publicHolidays, type Holiday } from './vn-holidays';
import { officialOverrides } from './official-calendar.data';

/**
 * Per-year corrections to the computed calendar, as plain JSON so an administrator can edit
 * them: the exact Tết days the government announces, compensatory days off, and Saturdays
 * declared make-up working days. Keys of `years` are "2027".
 */
export interface CalendarOverrides {
  years?: Record<string, YearOverrides>;
}

export interface YearOverrides {
  /** When present, replaces the computed Tết days off of that year entirely. */
  tetDaysOff?: string[];
  /** Extra days off (ISO dates) with the name shown to users, e.g. a compensatory day. */
  extraDaysOff?: { date: string; name: string }[];
  /** Computed holidays that are not days off this year (ISO dates). */
  removedDaysOff?: string[];
  /** Weekend days declared working days (make-up Saturdays), ISO dates. */
  workingWeekendDays?: string[];
}

export interface YearReport {
  year: number;
  /** Every Monday-Friday that is not a working day, in date order. */
  nonWorkingDays: { date: string; name: string }[];
  /** Every Saturday or Sunday that is a working day. */
  workingSaturdays: string[];
}

export interface BusinessCalendar {
  isWorkingDay(d: LocalDate): boolean;
  /** Why the day is not a working day ("Tết Nguyên đán", "Thứ Bảy"), or null on a working day. */
  nonWorkingReason(d: LocalDate): string | null;
  /** The first working day strictly after d. */
  nextWorkingDay(d: LocalDate): LocalDate;
  /** The last working day strictly before d. */
  previousWorkingDay(d: LocalDate): LocalDate;
  /** d itself when it is a working day, else the working day before it. */
  onOrBeforeWorkingDay(d: LocalDate): LocalDate;
  /** d itself when it is a working day, else the working day after it. */
  onOrAfterWorkingDay(d: LocalDate): LocalDate;
  /**
   * Moves n working days from d (n < 0 goes back). From a day off, +1 is the next working
   * day and -1 the previous one; n = 0 returns d unchanged.
   */
  addWorkingDays(d: LocalDate, n: number): LocalDate;
  /** Working days in (a, b]: 0 when b <= a. "How many working days late" on day b. */
  workingDaysBetween(a: LocalDate, b: LocalDate): number;
  yearReport(year: number): YearReport;
}

/** A long run of days off (Tết plus weekends) is at most ~10 days; 60 means a broken calendar. */
const MAX_SCAN_DAYS = 60;

export function createBusinessCalendar(overrides: CalendarOverrides = officialOverrides): BusinessCalendar {
  // Day number -> reason, built lazily per year; weekday/weekend logic applied on top.
  const offByYear = new Map<number, Map<number, string>>();
  const workingWeekendByYear = new Map<number, Set<number>>();

  function loadYear(year: number): void {
    if (offByYear.has(year)) return;
    const y = overrides.years?.[String(year)] ?? {};
    const off = new Map<number, string>();
    const removed = new Set((y.removedDaysOff ?? []).map(isoToDayNumber));
    const computed: Holiday[] = publicHolidays(year);
    for (const h of computed) {
      if (y.tetDaysOff && h.kind === 'tet') continue;
      const n = dayNumber(h.date);
      if (!removed.has(n)) off.set(n, h.name);
    }
    for (const iso of y.tetDaysOff ?? []) off.set(isoToDayNumber(iso), 'Tết Nguyên đán');
    for (const extra of y.extraDaysOff ?? []) off.set(isoToDayNumber(extra.date), extra.name);
    offByYear.set(year, off);
    workingWeekendByYear.set(year, new Set((y.workingWeekendDays ?? []).map(isoToDayNumber)));
  }

  function nonWorkingReason(d: LocalDate): string | null {
    loadYear(d.year);
    const n = dayNumber(d);
    const holiday = offByYear.get(d.year)!.get(n);
    if (holiday) return holiday;
    const weekday = isoWeekday(d);
    if (weekday >= 6 && !workingWeekendByYear.get(d.year)!.has(n)) return weekday === 6 ? 'Thứ Bảy' : 'Chủ nhật';
    return null;
  }

  const isWorkingDay = (d: LocalDate) => nonWorkingReason(d) === null;

  function step(d: LocalDate, direction: 1 | -1): LocalDate {
    let day = d;
    for (let i = 0; i < MAX_SCAN_DAYS; i++) {
      day = addDays(day, direction);
      if (isWorkingDay(day)) return day;
    }
    throw new DomainError(
      'calendar-without-working-days',
      `Lịch không có ngày làm việc nào trong ${MAX_SCAN_DAYS} ngày quanh ${toIsoDate(d)}`,
      `The calendar has no working day within ${MAX_SCAN_DAYS} days of ${toIsoDate(d)}`,
    );
  }

  function addWorkingDays(d: LocalDate, n: number): LocalDate {
    let day = d;
    for (let i = 0; i < Math.abs(n); i++) day = step(day, n > 0 ? 1 : -1);
    return day;
  }

  function workingDaysBetween(a: LocalDate, b: LocalDate): number {
    let count = 0;
    for (let day = addDays(a, 1); compareDates(day, b) <= 0; day = addDays(day, 1)) {
      if (isWorkingDay(day)) count++;
    }
    return count;
  }

  function yearReport(year: number): YearReport {
    const nonWorkingDays: YearReport['nonWorkingDays'] = [];
    const workingSaturdays: string[] = [];
    for (let day: LocalDate = { year, month: 1, day: 1 }; day.year === year; day = addDays(day, 1)) {
      const weekend = isoWeekday(day) >= 6;
      const reason = nonWorkingReason(day);
      if (!weekend && reason) nonWorkingDays.push({ date: toIsoDate(day), name: reason });
      if (weekend && !reason) workingSaturdays.push(toIsoDate(day));
    }
    return { year, nonWorkingDays, workingSaturdays };
  }

  return {
    isWorkingDay,
    nonWorkingReason,
    nextWorkingDay: (d) => step(d, 1),
    previousWorkingDay: (d) => step(d, -1),
    onOrBeforeWorkingDay: (d) => (isWorkingDay(d) ? d : step(d, -1)),
    onOrAfterWorkingDay: (d) => (isWorkingDay(d) ? d : step(d, 1)),
    addWorkingDays,
    workingDaysBetween,
    yearReport,
  };
}

function isoToDayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new DomainError('invalid-date', `Ngày phải có dạng YYYY-MM-DD: "${iso}"`, `Date must look like YYYY-MM-DD: "${iso}"`);
  return dayNumber({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}
