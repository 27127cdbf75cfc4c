import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler, Router } from 'express';
import { webhookCallback } from 'grammy';
import type { TelegramBot } from '../bots/telegram';
import { AppError } from '../core/errors';
import { MAX_BODY_BYTES } from './limits';

export interface TelegramRouteDeps {
  bot: TelegramBot;
  /** TELEGRAM_WEBHOOK_SECRET: Telegram echoes it in X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
  /** Below Telegram's own ~60 s, so a stuck update is answered 500 and resent rather than doubled. */
  timeoutMilliseconds?: number;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The header is checked before the body is even read: a stranger's post costs nothing. */
function requireSecret(secret: string): RequestHandler {
  const expected = digest(secret);
  return (req, _res, next) => {
    const given = req.get('x-telegram-bot-api-secret-token');
    if (!given || !timingSafeEqual(digest(given), expected))
      return next(new AppError('unauthorized', 'wrong or missing secret token'));
    next();
  };
}

/** POST /webhooks/telegram (README "HTTP"); grammY's own check of the secret stays on behind ours. */
export function telegramRoute(deps: TelegramRouteDeps): Router {
  const router = Router();
  const handle = webhookCallback(deps.bot, 'express', {
    secretToken: deps.secret,
    onTimeout: 'throw',
    timeoutMilliseconds: deps.timeoutMilliseconds ?? 10_000,
  });
  router.post(
    '/webhooks/telegram',
    requireSecret(deps.secret),
    express.json({ limit: MAX_BODY_BYTES, type: () => true }),
    (req, res, next) => {
      const body = req.body as { update_id?: unknown } | undefined;
      if (typeof body !== 'object' || body === null || !Number.isSafeInteger(body.update_id))
        return next(new AppError('bad_request', 'body must be a Telegram Update with a numeric update_id'));
      Promise.resolve(handle(req, res)).catch(next);
    },
  );
  return router;
}
