import { type CalendarFeeds, createCalendarFeeds } from '../core/calendar-feed';
import { createIcalFeedRenderer } from '../infra/ical-feed-renderer';
import type { Stores } from '../prisma/stores';
import type { TChannelLinking } from './channel-linking';

// One set of calendar feeds per process (its rendered-file cache is shared by the route and the
// chats). Tokens are hashed under the link-code pepper, which is read only when a feed is first
// fetched or issued: the CLI opens runtimes too.

const made = new WeakMap<Stores, CalendarFeeds>();

export function calendarFeeds(stores: Stores, channel: TChannelLinking): CalendarFeeds {
  const existing = made.get(stores);
  if (existing) return existing;
  let inner: CalendarFeeds | undefined;
  const feeds = () =>
    (inner ??= createCalendarFeeds({
      store: stores.calendarFeeds,
      renderer: createIcalFeedRenderer(),
      pepper: channel().pepper,
    }));
  const lazy: CalendarFeeds = {
    fetch: (token, conditions) => feeds().fetch(token, conditions),
    feedsOf: (personId) => feeds().feedsOf(personId),
    issue: (personId, studentIds) => feeds().issue(personId, studentIds),
    revoke: (personId) => feeds().revoke(personId),
  };
  made.set(stores, lazy);
  return lazy;
}
