// How far ahead a deadline may be set by hand (an extension's new last day, an ad-hoc
// request's last day): as far as the longest plan runs (MAX_SPAN_YEARS). Further is a typing
// mistake, and the calculus plans reminders, escalations and repeats past the last day with
// the calendar of the years after it, which ends in 2200: a last day in 2200 failed every
// workflow task of its deadline and left the request waiting for an answer forever.
import { compareDates, formatViDate, localDate, type LocalDate } from '../domain/local-date';
import { MAX_SPAN_YEARS } from '../domain/periods';
import { ServiceError } from './errors';

/** Throws a 400 naming `field` when `day` is more than MAX_SPAN_YEARS years after `today`. */
export function checkDeadlineHorizon(day: LocalDate, today: LocalDate, field: string): void {
  // 31/12 of the year MAX_SPAN_YEARS on: no leap-day arithmetic, and always a real day.
  const latest = localDate(today.year + MAX_SPAN_YEARS, 12, 31);
  if (compareDates(day, latest) <= 0) return;
  throw new ServiceError(
    'invalid-input',
    `Hạn báo cáo không được quá ${MAX_SPAN_YEARS} năm kể từ hôm nay`,
    `A deadline may be at most ${MAX_SPAN_YEARS} years ahead`,
    [`${field}: ngày ${formatViDate(day)} sau ${formatViDate(latest)}`],
    { detailsEn: [`${field}: ${formatViDate(day)} is after ${formatViDate(latest)}`] },
  );
}
