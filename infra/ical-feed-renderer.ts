import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import type { FeedRenderer, TFeedCalendar } from '../core/calendar-feed';

// The calendar feed as iCalendar text (RFC 5545), with ical-generator: escaping, line folding at
// 75 octets and CRLF are its job. Times carry the school's TZID with a VTIMEZONE from
// @touch4it/ical-timezones, so a parent travelling abroad still sees lessons at the school's
// hours. The calendar's own timezone is left unset on purpose: with it set, ical-generator writes
// DTSTAMP as local time without "Z", which RFC 5545 forbids; per event it writes both right.
// DTSTAMP is the feed's last change, not the moment of rendering: the same content is the same
// bytes. A lesson's time goes in as the school's wall-clock text ("2027-05-20T08:30:00"): with an
// event time zone set, ical-generator takes the given time as that zone's (its README, "Date, Time
// & Timezones") and writes it back unchanged — a luxon DateTime per entry made a year's feed
// eight times slower to render (about 440 ms against 50 ms for 1,880 entries).

export function createIcalFeedRenderer(): FeedRenderer {
  return {
    render(calendar: TFeedCalendar): string {
      const cal = ical({
        name: calendar.name,
        prodId: { company: 'dnevnik', product: 'calendar-feed', language: 'RU' },
        // Calendar apps poll at their own pace; this is a hint for those that read it.
        ttl: 60 * 60,
      });
      cal.timezone({ name: null, generator: getVtimezoneComponent });
      const zone = calendar.timezone;
      const stamp = calendar.lastModified;
      for (const e of calendar.entries) {
        const timed = e.start !== undefined;
        cal.createEvent({
          id: e.uid,
          summary: e.summary,
          stamp,
          ...(timed
            ? {
                timezone: zone,
                start: `${e.date}T${e.start}:00`,
                end: `${e.date}T${e.end ?? e.start}:00`,
              }
            : { allDay: true, start: e.date }),
          location: e.location ?? null,
          url: e.url ?? null,
          description: e.description ?? null,
          status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        });
      }
      return cal.toString();
    },
  };
}
