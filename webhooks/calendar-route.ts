import { gzipSync } from 'node:zlib';
import { Router } from 'express';
import type { CalendarFeeds } from '../core/calendar-feed';
import { sendError } from './http-errors';

// GET /calendar/<token>.ics: a parent's private calendar feed (README "Calendar feed"). The path
// is the secret, so it never reaches a log line: a failure is logged by the route's pattern, not
// by the shared error handler that names the path.
//
// A year of lessons is over half a megabyte of text that compresses tenfold, and calendar apps
// ask for gzip: each version is compressed once and kept (about 60 KiB each). Two encodings
// of one version make the ETag weak (RFC 9110 §8.8.1), which is all If-None-Match needs.

export const CALENDAR_ROUTE = '/calendar/:token.ics';
const KEPT = 200;

export function calendarRoute(feeds: CalendarFeeds): Router {
  const router = Router();
  const compressed = new Map<string, Buffer>();
  const gzipOf = (etag: string, body: string) => {
    let kept = compressed.get(etag);
    if (!kept) {
      kept = gzipSync(body);
      compressed.set(etag, kept);
      // Map keeps insertion order: the first key is the version made longest ago.
      if (compressed.size > KEPT) compressed.delete(compressed.keys().next().value!);
    }
    return kept;
  };

  router.get(CALENDAR_ROUTE, async (req, res) => {
    try {
      const result = await feeds.fetch(req.params.token, {
        ifNoneMatch: req.get('if-none-match'),
        ifModifiedSince: req.get('if-modified-since'),
      });
      // Private to whoever holds the link: no shared cache may keep it, but the client may revalidate.
      res.set('Cache-Control', 'private, no-cache').set('Vary', 'Accept-Encoding');
      if (result.kind === 'not-found') {
        sendError(res, 404, 'no such calendar feed: the link is unknown or was turned off');
        return;
      }
      res.set('ETag', `W/${result.etag}`).set('Last-Modified', result.lastModified.toUTCString());
      if (result.kind === 'not-modified') {
        res.status(304).end();
        return;
      }
      const gzip = req.acceptsEncodings('gzip', 'identity') === 'gzip';
      if (gzip) res.set('Content-Encoding', 'gzip');
      res
        .type('text/calendar; charset=utf-8')
        .set('Content-Disposition', 'inline; filename="dnevnik.ics"')
        .send(gzip ? gzipOf(result.etag, result.body) : result.body);
    } catch (err) {
      req.log.error({ err, route: CALENDAR_ROUTE }, 'calendar feed failed');
      if (!res.headersSent) sendError(res, 500, 'internal error', { requestId: req.requestId });
    }
  });
  return router;
}
