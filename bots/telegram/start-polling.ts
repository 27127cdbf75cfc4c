import { type RunnerHandle, run } from '@grammyjs/runner';
import type { TelegramBot } from './create-bot';

/**
 * Long polling when there is no public URL. The runner fetches concurrently; createBot's
 * sequentialize keeps one chat's updates in order, as a webhook would deliver them.
 */
export async function startPolling(bot: TelegramBot): Promise<RunnerHandle> {
  // A webhook left over from an earlier deployment would make getUpdates fail.
  await bot.api.deleteWebhook();
  return run(bot, { runner: { fetch: { allowed_updates: ['message', 'callback_query', 'my_chat_member'] } } });
}
