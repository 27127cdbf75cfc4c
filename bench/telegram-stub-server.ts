import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A Bot API double for the benchmark: answers every method at once with a plausible result and
// counts what the bot sent, so the measured time is ours, not Telegram's.

export interface BenchTelegramApi {
  apiRoot: string;
  counts: Map<string, number>;
  close(): Promise<void>;
}

export async function startBenchTelegramApi(botId: number): Promise<BenchTelegramApi> {
  const counts = new Map<string, number>();
  let messageId = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const method = /\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1] ?? 'unknown';
      counts.set(method, (counts.get(method) ?? 0) + 1);
      const result =
        method === 'getMe'
          ? { id: botId, is_bot: true, first_name: 'Дневник', username: 'dnevnik_bench_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false }
          : method.startsWith('send') || method === 'editMessageText'
            ? { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: 1, type: 'private' }, text: '' }
            : true;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
