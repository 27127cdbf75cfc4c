import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../infra/logger';
import { createMetrics } from '../infra/metrics';
import { demoPersonId, demoPlaygroundPeople } from '../prisma/demo/load-demo-people';
import { demoPeople } from '../prisma/demo/people';
import { createServer } from '../webhooks/app';
import { playgroundRoute } from '../webhooks/playground-route';
import { russianDialogue, type TDialogueChannel } from './dialogue-channel';
import type { TDialogueWorld } from './dialogue-world';

// The playground in-process: POST /playground/ask of the app as main.ts builds it, served on a
// loopback port of this process (the route is the channel: it keeps each demo person's previous
// question in the same store as the chats). The person is the Sokolovs' mother. Posted with
// node:http over one kept-alive connection: fetch's client costs this process several times more.

export async function playgroundDialogue(world: TDialogueWorld): Promise<TDialogueChannel> {
  const app = createServer({
    logger: createLogger('silent'),
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: { database: () => world.db.ping() },
    routers: [
      playgroundRoute({
        enabled: true,
        answers: world.answers,
        people: demoPlaygroundPeople(),
        queryContexts: world.stores.queryContexts,
        now: world.now,
      }),
    ],
  });
  const mother = demoPeople().find(
    (p) => p.role === 'guardian' && world.children.every((id) => p.studentIds.includes(id)),
  );
  if (!mother) throw new Error('no demo guardian of both Sokolov children');
  const personId = demoPersonId(mother.key);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (body: string) =>
    new Promise<string>((resolve, reject) => {
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      const req = http.request({ host: '127.0.0.1', port, path: '/playground/ask', method: 'POST', agent, headers });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(text) : reject(new Error(`playground answered ${res.statusCode}: ${text}`)),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  return russianDialogue(
    'playground',
    async (text) => (JSON.parse(await post(JSON.stringify({ personId, text }))) as { text: string }).text,
    async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  );
}
