import type { Express } from 'express';
import request from 'supertest';
import { OAUTH_CLIENT, OAUTH_PUBLIC_URL } from './alice-harness';

// The sign-in page as a browser uses it: GET /oauth/authorize sets a cookie and puts a CSRF
// token into the form; the POST sends both back from our own origin.

export const OAUTH_REDIRECT = OAUTH_CLIENT.redirectUris[0];

/** The authorization request Yandex opens the page with (and the form repeats in hidden fields). */
export const authorizationQuery = (extra: Record<string, string> = {}) => ({
  response_type: 'code',
  client_id: OAUTH_CLIENT.id,
  redirect_uri: OAUTH_REDIRECT,
  state: 'xyz-state',
  ...extra,
});

/** Opens the sign-in page; returns the page, the cookie to send back and the form's CSRF token. */
export async function openSignInPage(app: Express, query: Record<string, string> = {}) {
  const page = await request(app).get('/oauth/authorize').query(authorizationQuery(query)).expect(200);
  const setCookie = ([] as string[]).concat(page.headers['set-cookie'] ?? []);
  const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  return { page, setCookie, cookie, csrf };
}

/**
 * Opens the page and posts its form with `fields` (the school's code, the consent …), as the
 * browser would; `query` is the authorization request, repeated by the form.
 */
export async function postSignIn(app: Express, fields: Record<string, string>, query: Record<string, string> = {}) {
  const { cookie, csrf } = await openSignInPage(app, query);
  return request(app)
    .post('/oauth/authorize')
    .set('cookie', cookie)
    .set('origin', OAUTH_PUBLIC_URL)
    .type('form')
    .send({ ...authorizationQuery(query), csrf, ...fields });
}
