import http from 'node:http';
import type { AddressInfo } from 'node:net';

// One local HTTP server standing in for both platform APIs the chat bots call: the Telegram Bot
// API (/bot<token>/<method>) and the VK API (/method/<name>). It answers every call as the
// platform would for a healthy bot and counts them, so a server process can be pointed at it.

export const STUB_BOT_ID = 7000000001;
export const STUB_VK_GROUP_ID = 218765432;

export interface PlatformStub {
  telegramApiRoot: string;
  vkApiBase: string;
  /** Calls by method ("sendMessage", "messages.send", …). */
  counts: Map<string, number>;
  close(): Promise<void>;
}

function telegramResult(method: string, body: Record<string, unknown>): unknown {
  if (method === 'getMe') return { id: STUB_BOT_ID, is_bot: true, first_name: 'Дневник', username: 'dnevnik_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
  if (method.startsWith('send') || method === 'editMessageText') return { message_id: Math.floor(Math.random() * 1e6), date: Math.floor(Date.now() / 1000), chat: { id: Number(body.chat_id ?? 0), type: 'private' }, text: body.text };
  return true;
}

export async function startPlatformStub(): Promise<PlatformStub> {
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      const raw = Buffer.concat(chunks).toString('utf8');
      const telegram = /^\/bot[^/]+\/(\w+)$/.exec(url.pathname);
      const vk = /^\/method\/([\w.]+)$/.exec(url.pathname);
      const method = telegram?.[1] ?? vk?.[1] ?? 'unknown';
      counts.set(method, (counts.get(method) ?? 0) + 1);
      res.setHeader('content-type', 'application/json');
      if (telegram) {
        let body: Record<string, unknown>;
        try {
          body = raw && (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(raw) : {};
        } catch {
          body = {};
        }
        return void res.end(JSON.stringify({ ok: true, result: telegramResult(method, body) }));
      }
      if (vk) return void res.end(JSON.stringify({ response: method === 'messages.send' ? Math.floor(Math.random() * 1e6) : 1 }));
      res.statusCode = 404;
      res.end(JSON.stringify({ ok: false }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    telegramApiRoot: `http://127.0.0.1:${port}`,
    vkApiBase: `http://127.0.0.1:${port}/method`,
    counts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
