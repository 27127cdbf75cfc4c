import express from 'express';
import request from 'supertest';
import { cliRoute } from '../../webhooks/cli-route';

// The CLI route's bearer token: a refusal is a 401 that names the scheme (RFC 6750 §3), with
// error="invalid_token" only when a token was sent, and the command is never run.

describe('the CLI route refuses a wrong bearer token', () => {
  const executed: string[][] = [];
  const app = express().use(
    cliRoute({
      token: 'cli-token-0123456789',
      execute: async ({ argv }) => {
        executed.push(argv);
        return 0;
      },
    }),
  );
  const post = () =>
    request(app)
      .post('/internal/cli')
      .send({ argv: ['migrate'] });

  it('answers 401 with WWW-Authenticate: Bearer', async () => {
    expect((await post().expect(401)).headers['www-authenticate']).toBe('Bearer realm="dnevnik"');
    const wrong = await post().set('authorization', 'Bearer guessed-token-000000').expect(401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer realm="dnevnik", error="invalid_token"');
    expect(executed).toEqual([]);
  });
});
