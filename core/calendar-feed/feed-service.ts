import { createHash } from 'node:crypto';
import { CURRENT_CONSENT_VERSION, currentConsentHashes } from '../linking/consent-texts';
import { feedEntries } from './feed-entries';
import { FEED_TOKEN_PATTERN, hashFeedToken, newFeedToken } from './feed-token';
import type { CalendarFeedStore, FeedRenderer, TCurrentConsent, TFeedHead, TFeedVersion } from './feed-types';
import { FEED_TEXTS } from './locales';
import { schoolYearOf, type TFeedWindow } from './school-year';

// The private calendar feed (README "Calendar feed"): a calendar app fetches the URL every few
// hours, so a fetch first settles whether anything changed (ETag / Last-Modified) from one small
// query, and renders only when it did. Every fetch that finds a feed is a read of the child's
// data and leaves an access-log entry, 304 or not — written by the very statement that finds the
// feed, so no cache can skip it.

/** The access log's channel and intent of a feed fetch. */
export const FEED_CHANNEL = 'calendar';
export const FEED_INTENT = 'calendar';

export type TFeedFetch =
  | { kind: 'not-found' }
  | { kind: 'not-modified'; etag: string; lastModified: Date }
  | { kind: 'feed'; etag: string; lastModified: Date; body: string };

/** The request's conditional headers, as sent. */
export interface TFeedConditions {
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

export interface CalendarFeedsDeps {
  store: CalendarFeedStore;
  renderer: FeedRenderer;
  pepper: Uint8Array;
  now?: () => Date;
  /** Rendered files kept, one per feed: a year of lessons is about a megabyte as a string, so a few dozen. */
  cacheSize?: number;
}

export interface CalendarFeeds {
  fetch(token: string, conditions?: TFeedConditions): Promise<TFeedFetch>;
  /** The children of the person that have a feed. */
  feedsOf(personId: string): Promise<string[]>;
  /** New tokens for these children of the person (an old one stops working); only linked children get one. */
  issue(personId: string, studentIds: readonly string[]): Promise<{ studentId: string; token: string }[]>;
  revoke(personId: string): Promise<number>;
}

function etagOf(head: TFeedHead, window: TFeedWindow, version: TFeedVersion): string {
  const basis = [head.feedId, head.locale, head.classId, head.timezone, window.from, version.tag];
  basis.push(String(version.lastModified.getTime()));
  return `"${createHash('sha256').update(basis.join('|')).digest('base64url').slice(0, 27)}"`;
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly; `*` matches any current representation. */
function matchesEtag(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}

/** RFC 9110 §13.1.3: Last-Modified has whole seconds; If-Modified-Since counts only without If-None-Match. */
function notModified(conditions: TFeedConditions, etag: string, lastModified: Date): boolean {
  if (conditions.ifNoneMatch) return matchesEtag(conditions.ifNoneMatch, etag);
  if (!conditions.ifModifiedSince) return false;
  const since = Date.parse(conditions.ifModifiedSince);
  return Number.isFinite(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

export function createCalendarFeeds(deps: CalendarFeedsDeps): CalendarFeeds {
  const { store, renderer, pepper } = deps;
  const now = deps.now ?? (() => new Date());
  const cacheSize = deps.cacheSize ?? 32;
  const rendered = new Map<string, { etag: string; body: string }>();
  // As a chat asks again after the text changed, a feed pauses until the person accepts it (README "Consent").
  const consent: TCurrentConsent = { version: CURRENT_CONSENT_VERSION, hashes: [...currentConsentHashes()] };

  function remember(feedId: string, etag: string, body: string) {
    rendered.delete(feedId);
    rendered.set(feedId, { etag, body });
    // Map keeps insertion order: the first key is the feed fetched longest ago.
    if (rendered.size > cacheSize) rendered.delete(rendered.keys().next().value!);
  }

  return {
    async fetch(token, conditions = {}) {
      // A string of another shape was never issued: no query for it.
      if (!FEED_TOKEN_PATTERN.test(token)) return { kind: 'not-found' };
      const at = now();
      const entry = { channel: FEED_CHANNEL, intent: FEED_INTENT, at };
      const head = await store.open(hashFeedToken(pepper, token), entry, consent);
      if (!head) return { kind: 'not-found' };
      const window = schoolYearOf(at, head.timezone);
      const version = await store.version(head, window);
      const etag = etagOf(head, window, version);
      const { lastModified } = version;
      if (notModified(conditions, etag, lastModified)) return { kind: 'not-modified', etag, lastModified };
      const cached = rendered.get(head.feedId);
      if (cached?.etag === etag) return { kind: 'feed', etag, lastModified, body: cached.body };
      const texts = FEED_TEXTS[head.locale];
      const rows = await store.rows(head, window);
      const body = renderer.render({
        name: texts.calendarName(head.firstName),
        timezone: head.timezone,
        entries: feedEntries(texts, head, rows),
        lastModified,
      });
      remember(head.feedId, etag, body);
      return { kind: 'feed', etag, lastModified, body };
    },

    feedsOf: (personId) => store.feedsOf(personId),

    async issue(personId, studentIds) {
      const tokens = studentIds.map((studentId) => ({ studentId, token: newFeedToken() }));
      const written = new Set(
        await store.issue(
          personId,
          tokens.map((t) => ({ studentId: t.studentId, tokenHash: hashFeedToken(pepper, t.token) })),
        ),
      );
      return tokens.filter((t) => written.has(t.studentId));
    },

    revoke: (personId) => store.revoke(personId),
  };
}
