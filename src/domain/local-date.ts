import { DomainError } from './errors';

/**
 * A calendar day in Asia/Ho_Chi_Minh, with no time and no zone attached: "05/11/2026" in a
 * plan is this, never a Date at midnight (which would shift by a day in another zone).
 * month is 1-12.
 */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Viet Nam has used UTC+7 without daylight saving since 1975, so the offset is a constant. */
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Years outside this range are almost certainly typing mistakes in a plan. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? Number.NaN);
}

/** Builds a day, refusing impossible ones (31/02, 5/13) with a bilingual DomainError. */
export function localDate(year: number, month: number, day: number): LocalDate {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new DomainError('invalid-date', `Năm không hợp lệ: ${year}`, `Invalid year: ${year}`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new DomainError('invalid-date', `Tháng không hợp lệ: ${day}/${month}/${year}`, `Invalid month: ${day}/${month}/${year}`);
  }
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new DomainError('invalid-date', `Ngày không tồn tại: ${day}/${month}/${year}`, `No such day: ${day}/${month}/${year}`);
  }
  return { year, month, day };
}

/** Parses "2026-11-04" strictly. */
export function parseIsoDate(text: string): LocalDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) {
    throw new DomainError('invalid-date', `Ngày phải có dạng YYYY-MM-DD: "${text}"`, `Date must look like YYYY-MM-DD: "${text}"`);
  }
  return localDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function toIsoDate(d: LocalDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** The way every date is shown to a person: dd/MM/yyyy. */
export function formatViDate(d: LocalDate): string {
  return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

/**
 * Days since 1970-01-01 of the local day; the basis of all day arithmetic here. Pure integer
 * arithmetic (H. Hinnant's days_from_civil), no Date objects: it is the hottest function of
 * the calculus.
 */
export function dayNumber(d: LocalDate): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of dayNumber (civil_from_days). */
export function fromDayNumber(n: number): LocalDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function addDays(d: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(d) + days);
}

/** Negative when a is before b, 0 on the same day, positive after. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return dayNumber(a) - dayNumber(b);
}

export function sameDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** 1 = Monday ... 7 = Sunday (ISO 8601). */
export function isoWeekday(d: LocalDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(d) + 3) % 7) + 7) % 7) + 1;
}

const WEEKDAYS_VI = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'] as const;
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** "Thứ Tư" for a Wednesday, "Chủ nhật" for a Sunday. */
export function weekdayVi(d: LocalDate): string {
  return WEEKDAYS_VI[isoWeekday(d) - 1]!;
}

export function weekdayEn(d: LocalDate): string {
  return WEEKDAYS_EN[isoWeekday(d) - 1]!;
}

/** "Thứ Tư, 04/11/2026": how a deadline is written in emails and pages. */
export function formatViDateWithWeekday(d: LocalDate): string {
  return `${weekdayVi(d)}, ${formatViDate(d)}`;
}

/** The local day (Asia/Ho_Chi_Minh) on which an instant falls. */
export function localDateOf(at: Date): LocalDate {
  return fromDayNumber(Math.floor((at.getTime() + OFFSET_MS) / DAY_MS));
}

/** The UTC instant of a local wall-clock time on a local day. */
export function instantAt(d: LocalDate, hour: number, minute = 0): Date {
  return new Date(dayNumber(d) * DAY_MS + hour * 3_600_000 + minute * 60_000 - OFFSET_MS);
}

/** Start of the local day: the instant a "before D" deadline is passed is startOfDay(D). */
export function startOfLocalDay(d: LocalDate): Date {
  return instantAt(d, 0);
}

/** "08:00 Thứ Tư, 04/11/2026" for an instant, in local time. */
export function formatViInstant(at: Date): string {
  const local = new Date(at.getTime() + OFFSET_MS);
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ${formatViDateWithWeekday(localDateOf(at))}`;
}

/**
 * The ISO day "2026-11-20" as a person reads it: "20/11/2026", or "Thứ Sáu, 20/11/2026" with
 * the weekday (for deadlines). null when the text is not a real day, so a caller can show
 * the text as it was written rather than a wrong date.
 */
export function formatViIsoDate(text: string, options: { weekday?: boolean } = {}): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  let day: LocalDate;
  try {
    day = parseIsoDate(text);
  } catch (err) {
    if (err instanceof DomainError) return null;
    throw err;
  }
  return options.weekday ? formatViDateWithWeekday(day) : formatViDate(day);
}
