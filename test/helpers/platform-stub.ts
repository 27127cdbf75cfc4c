import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { countMethods, startTelegramStub } from './telegram-stub';

// Local stand-ins for both platform APIs the chat bots call: the Telegram Bot API (the Telegram
// stub, without limits) and the VK API (/method/<name>). They answer every call as the platform
// would for a healthy bot and count them, so a server process can be pointed at them.

export const STUB_VK_GROUP_ID = 218765432;

export interface PlatformStub {
  telegramApiRoot: string;
  vkApiBase: string;
  /** Calls by method ("sendMessage", "messages.send", …). */
  readonly counts: Map<string, number>;
  close(): Promise<void>;
}

export async function startPlatformStub(): Promise<PlatformStub> {
  const telegram = await startTelegramStub();
  const vkCounts = new Map<string, number>();
  const vk = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const method = /^\/method\/([\w.]+)$/.exec(new URL(req.url ?? '/', 'http://stub').pathname)?.[1];
      res.setHeader('content-type', 'application/json');
      if (!method) {
        res.statusCode = 404;
        return void res.end(JSON.stringify({ ok: false }));
      }
      vkCounts.set(method, (vkCounts.get(method) ?? 0) + 1);
      res.end(JSON.stringify({ response: method === 'messages.send' ? Math.floor(Math.random() * 1e6) : 1 }));
    });
  });
  await new Promise<void>((resolve) => vk.listen(0, '127.0.0.1', resolve));
  const { port } = vk.address() as AddressInfo;
  return {
    telegramApiRoot: telegram.apiRoot,
    vkApiBase: `http://127.0.0.1:${port}/method`,
    get counts() {
      return new Map([...countMethods(telegram.calls), ...vkCounts]);
    },
    close: async () => {
      await telegram.close();
      await new Promise<void>((resolve) => vk.close(() => resolve()));
    },
  };
}
