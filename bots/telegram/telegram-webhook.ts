import type { Api } from 'grammy';

// The Telegram webhook as `dnevnik webhooks` and the server's start set it: the URL under
// PUBLIC_URL, the secret Telegram sends back in X-Telegram-Bot-Api-Secret-Token, and only the
// updates the bot handles. Each function returns lines for a person to read.

export const TELEGRAM_ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export const telegramWebhookUrl = (publicUrl: string) => new URL('/webhooks/telegram', publicUrl).toString();

export async function setTelegramWebhook(api: Api, publicUrl: string, secret: string): Promise<string[]> {
  const url = telegramWebhookUrl(publicUrl);
  await api.setWebhook(url, { secret_token: secret, allowed_updates: [...TELEGRAM_ALLOWED_UPDATES] });
  return [`webhook set: ${url}`, ...(await showTelegramWebhook(api))];
}

export async function showTelegramWebhook(api: Api): Promise<string[]> {
  const info = await api.getWebhookInfo();
  const lines = [
    info.url ? `url: ${info.url}` : 'url: none (the bot is polled, or no webhook is set)',
    `pending updates: ${info.pending_update_count}`,
  ];
  if (info.last_error_date)
    lines.push(
      `last error: ${new Date(info.last_error_date * 1000).toISOString()} ${info.last_error_message ?? ''}`.trim(),
    );
  if (info.allowed_updates) lines.push(`updates: ${info.allowed_updates.join(', ')}`);
  return lines;
}

/** Pending updates are kept: a bot polled next, or a webhook set again, still gets them. */
export async function deleteTelegramWebhook(api: Api): Promise<string[]> {
  await api.deleteWebhook({ drop_pending_updates: false });
  return ['webhook deleted', ...(await showTelegramWebhook(api))];
}
