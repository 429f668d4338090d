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

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

/** Days since 1970-01-01 of the local day; the basis of all day arithmetic here. */
export function dayNumber(d: LocalDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

export function fromDayNumber(n: number): LocalDate {
  const at = new Date(n * DAY_MS);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
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
  const w = new Date(dayNumber(d) * DAY_MS).getUTCDay();
  return w === 0 ? 7 : w;
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
