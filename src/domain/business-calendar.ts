import { DomainError } from './errors';
import { addDays, dayNumber, fromDayNumber, isoWeekday, toIsoDate, type LocalDate } from './local-date';
import { publicHolidays, type Holiday } from './vn-holidays';

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
  /**
   * The documents the year's days rest on (Tết and 30/4 are often announced separately), so
   * that a person can check them: number ("9441/TB-BNV"), date issued (YYYY-MM-DD), issuer,
   * title, where it was read, and a note on anything not read in the document itself.
   */
  source?: { document: string; issuedOn: string; issuer: string; title: string; url?: string; note?: string }[];
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
  /** isWorkingDay on a day number (days since 1970-01-01), for hot loops. */
  isWorkingDayNumber(n: number): boolean;
  /** workingDaysBetween on day numbers, for hot loops. */
  workingDaysBetweenNumbers(from: number, to: number): number;
}

/** A long run of days off (Tết plus weekends) is at most ~10 days; 60 means a broken calendar. */
const MAX_SCAN_DAYS = 60;

/**
 * Per-year data, computed once: a working-day flag per day and the reason for each day off;
 * the flat index below adds running counts, so that "working days between" is two lookups
 * and stepping over days needs no Date objects
 * (100,000 deadlines are planned in well under a second; see bench/domain-bench.ts).
 */
interface YearData {
  /** Day number (days since 1970-01-01) of 1 January. */
  base: number;
  length: number;
  working: Uint8Array;
  reasons: Map<number, string>;
}

/**
 * The calendar for a set of per-year overrides. Deliberately no default: code outside
 * workflows takes the official data through src/domain/official-calendar.ts (or the
 * store that adds an administrator's edits), while workflows receive theirs as an
 * activity result, so editing the data never changes what a recorded history replays.
 */
export function createBusinessCalendar(overrides: CalendarOverrides): BusinessCalendar {
  const years = new Map<number, YearData>();
  let recent: YearData | null = null;

  function loadYear(year: number): YearData {
    const cached = years.get(year);
    if (cached) return cached;
    const y = overrides.years?.[String(year)] ?? {};
    const reasons = new Map<number, string>();
    const removed = new Set((y.removedDaysOff ?? []).map(isoToDayNumber));
    for (const h of publicHolidays(year) as Holiday[]) {
      if (y.tetDaysOff && h.kind === 'tet') continue;
      const n = dayNumber(h.date);
      if (!removed.has(n)) reasons.set(n, h.name);
    }
    for (const iso of y.tetDaysOff ?? []) reasons.set(isoToDayNumber(iso), 'Tết Nguyên đán');
    for (const extra of y.extraDaysOff ?? []) reasons.set(isoToDayNumber(extra.date), extra.name);
    const workingWeekend = new Set((y.workingWeekendDays ?? []).map(isoToDayNumber));
    const base = dayNumber({ year, month: 1, day: 1 });
    const length = dayNumber({ year: year + 1, month: 1, day: 1 }) - base;
    const working = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      const n = base + i;
      // 1970-01-01 was a Thursday: ISO weekday = ((n + 3) mod 7) + 1.
      const weekday = (((n + 3) % 7) + 7) % 7 + 1;
      if (reasons.has(n)) working[i] = 0;
      else if (weekday >= 6) {
        working[i] = workingWeekend.has(n) ? 1 : 0;
        if (!working[i]) reasons.set(n, weekday === 6 ? 'Thứ Bảy' : 'Chủ nhật');
      } else working[i] = 1;
    }
    const data: YearData = { base, length, working, reasons };
    years.set(year, data);
    return data;
  }

  /** The year data holding day number n (the last one used is tried first). */
  function yearOf(n: number): YearData {
    if (recent && n >= recent.base && n < recent.base + recent.length) return recent;
    let year = Math.floor(n / 365.2425) + 1970;
    let data = loadYear(year);
    while (n < data.base) data = loadYear(--year);
    while (n >= data.base + data.length) data = loadYear(++year);
    recent = data;
    return data;
  }

  // One contiguous index over every year loaded so far, so that the hot loops (a deadline's
  // weekly repeats cross from November into the next year) are one array lookup with no
  // per-year switching. flatPrefix[i] = working days among day numbers [flatBase, flatBase + i).
  let flatBase = 0;
  let flatWorking = new Uint8Array(0);
  let flatPrefix = new Int32Array(1);

  /** Widens the flat index to cover day number n (and every year in between). */
  function cover(n: number): void {
    const wanted = yearOf(n);
    const first = flatWorking.length ? Math.min(flatBase, wanted.base) : wanted.base;
    const last = flatWorking.length ? Math.max(flatBase + flatWorking.length, wanted.base + wanted.length) : wanted.base + wanted.length;
    const working = new Uint8Array(last - first);
    for (let m = first; m < last; ) {
      const y = yearOf(m);
      working.set(y.working, y.base - first);
      m = y.base + y.length;
    }
    const prefix = new Int32Array(working.length + 1);
    for (let i = 0; i < working.length; i++) prefix[i + 1] = prefix[i]! + working[i]!;
    flatBase = first;
    flatWorking = working;
    flatPrefix = prefix;
  }

  const isWorkingNum = (n: number) => {
    let i = n - flatBase;
    if (i < 0 || i >= flatWorking.length) {
      cover(n);
      i = n - flatBase;
    }
    return flatWorking[i] === 1;
  };

  function nonWorkingReason(d: LocalDate): string | null {
    const n = dayNumber(d);
    return isWorkingNum(n) ? null : (yearOf(n).reasons.get(n) ?? null);
  }

  function stepNum(from: number, direction: 1 | -1): number {
    let n = from;
    for (let i = 0; i < MAX_SCAN_DAYS; i++) {
      n += direction;
      if (isWorkingNum(n)) return n;
    }
    const d = fromDayNumber(from);
    throw new DomainError(
      'calendar-without-working-days',
      `Lịch không có ngày làm việc nào trong ${MAX_SCAN_DAYS} ngày quanh ${toIsoDate(d)}`,
      `The calendar has no working day within ${MAX_SCAN_DAYS} days of ${toIsoDate(d)}`,
    );
  }

  const step = (d: LocalDate, direction: 1 | -1) => fromDayNumber(stepNum(dayNumber(d), direction));

  function addWorkingDays(d: LocalDate, count: number): LocalDate {
    let n = dayNumber(d);
    for (let i = 0; i < Math.abs(count); i++) n = stepNum(n, count > 0 ? 1 : -1);
    return count === 0 ? d : fromDayNumber(n);
  }

  function workingDaysBetween(a: LocalDate, b: LocalDate): number {
    return workingDaysBetweenNumbers(dayNumber(a), dayNumber(b));
  }

  function workingDaysBetweenNumbers(from: number, to: number): number {
    if (to <= from) return 0;
    if (from < flatBase || from >= flatBase + flatWorking.length) cover(from);
    if (to >= flatBase + flatWorking.length) cover(to);
    // Working days in (from, to] = prefix through to minus prefix through from.
    return flatPrefix[to - flatBase + 1]! - flatPrefix[from - flatBase + 1]!;
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

  const isWorkingDay = (d: LocalDate) => isWorkingNum(dayNumber(d));

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
    isWorkingDayNumber: isWorkingNum,
    workingDaysBetweenNumbers,
  };
}

function isoToDayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new DomainError('invalid-date', `Ngày phải có dạng YYYY-MM-DD: "${iso}"`, `Date must look like YYYY-MM-DD: "${iso}"`);
  return dayNumber({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}
