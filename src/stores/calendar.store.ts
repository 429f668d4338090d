// Where the running product takes its calendar: the official data today; per-year edits by
// an administrator join here. Services and activities read it through these two functions,
// and workflows receive `calendarOverrides()` as an activity result (never from the bundle).
import { createBusinessCalendar, type BusinessCalendar, type CalendarOverrides } from '../domain/business-calendar';
import { officialCalendarOverrides } from '../domain/official-calendar';

export function calendarOverrides(): CalendarOverrides {
  return officialCalendarOverrides();
}

export function currentCalendar(): BusinessCalendar {
  return createBusinessCalendar(calendarOverrides());
}
