import type { Request, Response } from 'express';

// The pages' icon travels inside them as a data: URI, so nothing is fetched for it. Browsers
// still ask for /favicon.ico on their own (for JSON and the status page too); an empty 204 stops
// that from being a 404 in their console and in our logs, and they keep it for a day.

const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="7" fill="#517da2"/>' +
  '<rect x="8" y="5" width="16" height="22" rx="2" fill="#fff"/>' +
  '<path d="M12 11h8M12 15.5h8M12 20h5" stroke="#517da2" stroke-width="2" stroke-linecap="round"/>' +
  '</svg>';

/** The icon for `<link rel="icon">`; base64, so the page's markup holds no quotes or URLs of it. */
export const FAVICON_HREF = `data:image/svg+xml;base64,${Buffer.from(ICON_SVG).toString('base64')}`;

/** GET /favicon.ico: nothing to send, and nothing missing. */
export function sendNoFavicon(_req: Request, res: Response): void {
  res.status(204).set('Cache-Control', 'public, max-age=86400').end();
}
