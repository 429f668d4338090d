// The working-day calendar of one year as the product uses it, with the documents an
// announced year rests on: for the CLI today, for the administrator's pages later.
import type { YearReport } from '../domain/business-calendar';
import { calendarOverrides, currentCalendar } from '../stores/calendar.store';

export type CalendarSource = NonNullable<NonNullable<NonNullable<ReturnType<typeof calendarOverrides>['years']>[string]>['source']>[number];

export function calendarYear(year: number): YearReport & { sources: CalendarSource[] } {
  return { ...currentCalendar().yearReport(year), sources: calendarOverrides().years?.[String(year)]?.source ?? [] };
}
