// The public face of core/calendar-feed: outside core, the module is imported only from here.

export {
  type CalendarFeeds,
  type CalendarFeedsDeps,
  createCalendarFeeds,
  FEED_CHANNEL,
  FEED_INTENT,
  type TFeedConditions,
  type TFeedFetch,
} from './feed-service';
export { FEED_TOKEN_PATTERN, hashFeedToken, newFeedToken } from './feed-token';
export type {
  CalendarFeedStore,
  FeedRenderer,
  TCurrentConsent,
  TFeedCalendar,
  TFeedEntry,
  TFeedEventRow,
  TFeedHead,
  TFeedHomeworkRow,
  TFeedIssue,
  TFeedLessonRow,
  TFeedRows,
  TFeedVersion,
} from './feed-types';
export { schoolYearOf, type TFeedWindow } from './school-year';
