import request from 'supertest';
import { createMetrics, type TMetrics } from '../../infra/metrics';
import { MAX_BODY_BYTES } from '../../webhooks/limits';
import { echoApp } from '../helpers/echo-app';

// Every distinct label value is a Prometheus series kept for the life of the process: requests are
// named by their route's pattern, never by the raw path, so made-up paths mint no new series.

const TOO_LARGE = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);

describe('metric labels', () => {
  const routeLabels = async (metrics: TMetrics) =>
    new Set((await metrics.httpRequests.get()).values.map((v) => String(v.labels.route)));

  it('name routes by their pattern; 100 made-up paths add no label', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const server = echoApp({ metrics });
    await request(server).get('/healthz').expect(200);
    await request(server).post('/echo').send({ a: 1 }).expect(200);
    await request(server).get('/no-such-page').expect(404);
    // A body over 1 MiB to a real route is refused before routing, and still named by the route.
    await request(server).post('/echo').set('content-type', 'application/json').send(TOO_LARGE).expect(413);
    const known = await routeLabels(metrics);
    expect(known).toEqual(new Set(['/healthz', '/echo', 'unmatched']));

    const random = () => `/${Math.random().toString(36).slice(2)}/${Math.random().toString(36).slice(2)}`;
    for (let i = 0; i < 100; i++) {
      const path = random();
      // Refused in every way a stranger can be: a body too large (before routing), not found, a method nobody answers, a malformed escape.
      if (i % 10 === 0)
        await request(server).post(path).set('content-type', 'application/json').send(TOO_LARGE).expect(413);
      else if (i % 4 === 0) await request(server).get(path).expect(404);
      else if (i % 4 === 1) await request(server).post(path).set('content-type', 'application/json').send('{nope');
      else if (i % 4 === 2) await request(server).delete(path);
      else await request(server).get(`${path}/%E0%A4%A`);
    }
    expect(await routeLabels(metrics)).toEqual(known);
  });
});
