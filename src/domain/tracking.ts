// Importing a plan mid-span (issue 13 item 4): the periods whose last day passed before the
// coordinator started using hanbaocao were never reminded, so they are recorded "before
// tracking" rather than as overdue deadlines. Pure: the day tracking starts is a parameter.
import { compareDates, localDateOf, type LocalDate } from './local-date';
import type { PeriodInstance } from './periods';

/**
 * The day from which periods are tracked: the coordinator's choice, else the local day of
 * `now` (the day of confirming), so the default first period is the current or next one.
 */
export function trackingStartDay(chosen: LocalDate | null | undefined, now: Date): LocalDate {
  return chosen ?? localDateOf(now);
}

/**
 * The index of the first tracked period: the first whose last day is on or after `from`
 * (a period due today is still tracked: its report may arrive today). Earlier periods are
 * "before tracking". Returns `periods.length` when every period ended before `from` (the
 * plan's span is over: nothing to track).
 */
export function firstTrackedIndex(periods: readonly Pick<PeriodInstance, 'lastDay'>[], from: LocalDate): number {
  const i = periods.findIndex((p) => compareDates(p.lastDay, from) >= 0);
  return i === -1 ? periods.length : i;
}
