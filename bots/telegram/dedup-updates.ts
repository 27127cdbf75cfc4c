import type { MiddlewareFn } from 'grammy';
import type { SeenOnce } from '../../core/updates';
import type { BotContext } from './bot-context';

/**
 * Telegram resends an update it thinks was not answered (a slow webhook, a restart); the second
 * copy is dropped here. Claimed before processing: a failure inside the features is answered by
 * the error boundary, so the update counts as handled either way.
 */
export function dedupUpdates(seenOnce: SeenOnce, botId: string): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!(await seenOnce.firstTime(`tg:${botId}:${ctx.update.update_id}`))) return;
    await next();
  };
}
