// The calendar reaches workflows as an activity result (recorded in their history), never
// from the workflow bundle: an edited or newly announced year applies to every step planned
// after the change, while a recorded history replays with the calendar it saw.
import type { CalendarOverrides } from '../src/domain/business-calendar';
import { calendarOverrides } from '../src/stores/calendar.store';

export interface CalendarActivities {
  calendarOverrides(): Promise<CalendarOverrides>;
}

export function createCalendarActivities(): CalendarActivities {
  return {
    async calendarOverrides() {
      return calendarOverrides();
    },
  };
}
