import type http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { createHttpServer } from '../../webhooks/http-server';
import { echoApp } from '../helpers/echo-app';

// A client sending its headers or its body too slowly is cut off (408 and the connection closed),
// instead of holding a socket as long as it likes. Production waits 10 s for headers and 15 s for
// the whole request; the limits are injected small here so the test is quick.

describe('slow clients', () => {
  let server: http.Server;
  let port: number;
  // Small limits, so the test is quick; production uses 10 s and 15 s.
  const timeouts = { headersMs: 400, requestMs: 800 };

  beforeAll(async () => {
    server = createHttpServer(echoApp(), timeouts);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** Opens a raw connection, writes `first`, then `drip` every 50 ms; resolves with what came back and when the server closed it. */
  function trickle(first: string, drip: string, giveUpMs = 5000): Promise<{ closedAfterMs: number; received: string }> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const socket = net.connect(port, '127.0.0.1', () => socket.write(first));
      let received = '';
      const timer = setInterval(() => socket.writable && socket.write(drip), 50);
      const giveUp = setTimeout(() => {
        socket.destroy();
        reject(new Error(`the connection was still open after ${giveUpMs} ms`));
      }, giveUpMs);
      socket.on('data', (d) => (received += d.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        clearTimeout(giveUp);
        resolve({ closedAfterMs: Date.now() - started, received });
      });
    });
  }

  it('closes a connection whose headers are not in within the headers timeout', async () => {
    const { closedAfterMs, received } = await trickle('GET /healthz HTTP/1.1\r\nHost: test\r\n', 'X-Slow: yes\r\n');
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeGreaterThanOrEqual(timeouts.headersMs - 50);
    expect(closedAfterMs).toBeLessThan(timeouts.requestMs + 1000);
  });

  it('closes a connection whose body is not in within the request timeout', async () => {
    const head =
      'POST /echo HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"a":"';
    const { closedAfterMs, received } = await trickle(head, 'x');
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeGreaterThanOrEqual(timeouts.requestMs - 50);
    expect(closedAfterMs).toBeLessThan(timeouts.requestMs + 2000);
  });

  it('still answers a request sent at once', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(await res.json()).toEqual({ body: { a: 1 } });
  });
});
