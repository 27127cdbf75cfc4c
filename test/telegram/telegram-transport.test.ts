import express from 'express';
import request from 'supertest';
import { createBot, splitMessage, type TBotLogger } from '../../bots/telegram';
import {
  CALLBACK_LIMIT_BYTES,
  consentAcceptData,
  consentDeclineData,
  menuData,
  settingsData,
  settingsOpenData,
} from '../../bots/telegram/callback-data';
import { createAnswerService } from '../../core/answers';
import type { QueryContextStore } from '../../core/conversation';
import type { LinkService } from '../../core/linking';
import { newPendingHandle } from '../../core/linking';
import type { SubscriptionSettingsStore } from '../../core/settings/subscription-settings-port';
import { createMemorySeenOnce } from '../../infra/seen-once';
import { telegramRoute } from '../../webhooks/telegram-route';
import {
  BOT_INFO,
  callback,
  groupText,
  privateText,
  recordCalls,
  sentTexts,
  TEST_TOKEN,
} from '../helpers/telegram-harness';

// The transport around the features: webhook secret, update dedup, groups, the error boundary,
// message and callback-data limits. Linking is not on these paths: any use of it fails the test
// (the chat's read every private update starts early fails too, unseen unless something awaits it).

const untouched = new Proxy(
  {},
  { get: (_t, name) => () => Promise.reject(new Error(`unexpected call: ${String(name)}`)) },
);

function logger(lines: Record<string, unknown>[] = []): TBotLogger {
  const log: TBotLogger = {
    child: () => log,
    info: () => undefined,
    warn: () => undefined,
    error: (obj, msg) => void lines.push({ ...obj, msg }),
  };
  return log;
}

function build(
  options: { linking?: LinkService; errors?: Record<string, unknown>[]; passOn?: (method: string) => boolean } = {},
) {
  const bot = createBot({
    token: TEST_TOKEN,
    botInfo: BOT_INFO,
    answers: createAnswerService({
      access: untouched as never,
      diary: untouched as never,
      defaultTimezone: 'Europe/Moscow',
    }),
    linking: options.linking ?? (untouched as LinkService),
    settings: untouched as SubscriptionSettingsStore,
    queryContexts: untouched as QueryContextStore,
    seenOnce: createMemorySeenOnce(),
    logger: logger(options.errors),
  });
  const calls = recordCalls(bot, { passOn: options.passOn });
  const app = express();
  app.use(telegramRoute({ bot, secret: 'webhook-secret_1' }));
  app.use((err: { message: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res
      .status(
        (err as { code?: string }).code === 'unauthorized'
          ? 401
          : (err as { code?: string }).code === 'bad_request'
            ? 400
            : 500,
      )
      .json({ error: err.message });
  });
  return { bot, calls, app };
}

describe('Telegram transport', () => {
  it('refuses a wrong or missing secret header with 401 and processes nothing', async () => {
    const { app, calls } = build();
    const update = privateText(51234567, '/help');
    await request(app).post('/webhooks/telegram').send(update).expect(401);
    await request(app)
      .post('/webhooks/telegram')
      .set('X-Telegram-Bot-Api-Secret-Token', 'guess')
      .send(update)
      .expect(401);
    expect(calls).toEqual([]);
    await request(app)
      .post('/webhooks/telegram')
      .set('X-Telegram-Bot-Api-Secret-Token', 'webhook-secret_1')
      .send(update)
      .expect(200);
    expect(calls.map((c) => c.method)).toEqual(['sendMessage']);
  });

  it('answers a tap in the webhook response and sends the rest through the Bot API', async () => {
    const nobody = { ...(untouched as LinkService), chatState: async () => null } as LinkService;
    const { app, calls } = build({ linking: nobody, passOn: (method) => method === 'answerCallbackQuery' });
    const tap = callback(51234567, menuData({ section: 'grades', date: '2026-12-01', child: null }));
    const res = await request(app)
      .post('/webhooks/telegram')
      .set('X-Telegram-Bot-Api-Secret-Token', 'webhook-secret_1')
      .send(tap)
      .expect(200);
    expect(res.body).toMatchObject({ method: 'answerCallbackQuery', callback_query_id: expect.any(String) });
    // The screen itself changes through an ordinary call, whose result the bot sees.
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'editMessageText']);
  });

  it('answers a body that is not an update with 400', async () => {
    const { app, calls } = build();
    await request(app)
      .post('/webhooks/telegram')
      .set('X-Telegram-Bot-Api-Secret-Token', 'webhook-secret_1')
      .send({ hello: 1 })
      .expect(400);
    expect(calls).toEqual([]);
  });

  it('processes a repeated update_id once, through the route and through handleUpdate', async () => {
    const { app, bot, calls } = build();
    const update = privateText(51234567, '/help');
    for (let i = 0; i < 3; i++)
      await request(app)
        .post('/webhooks/telegram')
        .set('X-Telegram-Bot-Api-Secret-Token', 'webhook-secret_1')
        .send(update)
        .expect(200);
    await bot.handleUpdate(update);
    expect(calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });

  it('answers in a group only with a button to a private chat; a code posted there is voided, its sender not pointed at', async () => {
    const posted: string[] = [];
    // Linking is touched only to void the posted code.
    const linking = new Proxy({} as LinkService, {
      get: (_t, name) =>
        name === 'voidPostedCode'
          ? async (chat: { externalId: string }, text: string) => (posted.push(`${chat.externalId} ${text}`), 'voided')
          : () => Promise.reject(new Error(`unexpected call: ${String(name)}`)),
    });
    const { bot, calls } = build({ linking });
    await bot.handleUpdate(groupText(-1001987654321, 51234567, 'какие оценки сегодня'));
    await bot.handleUpdate(groupText(-1001987654321, 51234567, '/start 482915736104'));
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendMessage']);
    expect(posted).toEqual(['-1001987654321 /start 482915736104']);
    expect(calls[0].payload.text).toMatch(/В общих чатах я не показываю данные учеников/);
    expect(calls[1].payload.text).toMatch(/этот код больше не действует/);
    expect(calls[1].payload.reply_parameters).toBeUndefined();
    for (const call of calls) {
      expect(call.payload.chat_id).toBe(-1001987654321);
      expect(call.payload.reply_markup).toEqual({
        inline_keyboard: [[{ text: 'Написать боту', url: 'https://t.me/dnevnik_bot' }]],
      });
    }
  });

  it('turns a failing feature into an apology and a log line with the update id', async () => {
    const errors: Record<string, unknown>[] = [];
    const { bot, calls } = build({
      linking: { chatState: () => Promise.reject(new Error('database down')) } as unknown as LinkService,
      errors,
    });
    const update = privateText(51234567, 'оценки сегодня');
    await expect(bot.handleUpdate(update)).resolves.toBeUndefined();
    expect(sentTexts(calls)).toEqual(['Извините, что-то пошло не так. Попробуйте ещё раз чуть позже.']);
    expect(errors).toEqual([expect.objectContaining({ updateId: update.update_id, msg: 'telegram update failed' })]);
  });

  it('splits long texts at line breaks within 4096 characters', () => {
    const line = '• Математика: <b>5</b> (контрольная) — <i>отлично</i>';
    const text = Array.from({ length: 300 }, () => line).join('\n');
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(part.split('\n').every((l) => l === line)).toBe(true);
    }
    expect(parts.join('\n')).toBe(text);
    expect(splitMessage('x'.repeat(9000)).map((p) => p.length)).toEqual([4096, 4096, 808]);
  });

  it('keeps every callback_data format within 64 bytes', () => {
    const longest = [
      menuData({ section: 'schedule', date: '2026-12-31', child: 99 }),
      consentAcceptData('v123456789ab', newPendingHandle()),
      consentDeclineData(newPendingHandle()),
      settingsData({ kind: 'toggle', type: 'homework', child: 99 }),
      settingsData({ kind: 'threshold', child: 99 }),
      settingsOpenData(99),
    ];
    for (const data of longest) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_LIMIT_BYTES);
  });
});
