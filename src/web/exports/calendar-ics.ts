// A feed as an iCalendar file (ical-generator): each event all-day, from its first local day
// to the day after its last (DTEND is exclusive for dates, RFC 5545 3.6.1). ical-generator
// escapes TEXT values (backslash, comma, semicolon, newline), so a name holding them cannot
// break out of its property or add one.
import ical, { ICalEventTransparency } from 'ical-generator';
import type { FeedContent } from '../../services/calendar-feeds';

export const ICS_MEDIA_TYPE = 'text/calendar; charset=utf-8';

/** A local day as the Date whose UTC day it is: ical-generator writes a date-only value in UTC without a time zone. */
const day = (iso: string, plusDays = 0) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + plusDays));
};

export function calendarIcs(feed: FeedContent, now: Date): string {
  const cal = ical({ name: feed.name, prodId: { company: 'hanbaocao', product: 'han-bao-cao', language: 'VI' }, ttl: 60 * 60 });
  for (const e of feed.events) {
    cal.createEvent({ id: e.uid, start: day(e.start), end: day(e.end, 1), allDay: true, summary: e.summary, description: e.description, stamp: now, transparency: ICalEventTransparency.TRANSPARENT });
  }
  return cal.toString();
}
