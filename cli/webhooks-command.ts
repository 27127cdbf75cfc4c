import { Bot as MaxBotClient } from '@maxhub/max-bot-api';
import { Api } from 'grammy';
import { API } from 'vk-io';
import { deleteMaxSubscription, setMaxSubscription, showMaxSubscriptions } from '../bots/max';
import { deleteTelegramWebhook, setTelegramWebhook, showTelegramWebhook } from '../bots/telegram/telegram-webhook';
import { deleteVkCallbackServer, setVkCallbackServer, showVkCallbackServer } from '../bots/vk/vk-callback-server';
import type { TConfig } from '../infra/config';

// `dnevnik webhooks set|show|delete` (README "Command line"): registers the bots' webhooks with
// the platforms for PUBLIC_URL — Telegram's setWebhook with its secret, VK's Callback API server
// with its secret and events, MAX's subscription with its secret — and prints what each platform reports (the URL, pending updates,
// the last delivery error, VK's confirmation code). No database: only the configuration.

export const WEBHOOKS_USAGE = 'usage: dnevnik webhooks set|show|delete\n';

export interface TWebhooksIo {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown };
}

type TAction = 'set' | 'show' | 'delete';

/** A platform's lines, or the one line that says why it failed; the other platforms go on. */
async function report(io: TWebhooksIo, platform: string, work: () => Promise<string[]>): Promise<boolean> {
  try {
    const lines = await work();
    io.out.write(`${platform}:\n${lines.map((l) => `  ${l}\n`).join('')}`);
    return true;
  } catch (err) {
    io.err.write(`dnevnik webhooks: ${platform}: ${err instanceof Error ? err.message : String(err)}\n`);
    return false;
  }
}

export async function webhooksCommand(args: string[], config: TConfig, io: TWebhooksIo): Promise<number> {
  const [action, ...rest] = args;
  if ((action !== 'set' && action !== 'show' && action !== 'delete') || rest.length > 0) {
    io.err.write(WEBHOOKS_USAGE);
    return 1;
  }
  const telegram = config.TELEGRAM_BOT_TOKEN;
  const vk =
    config.VK_GROUP_TOKEN && config.VK_GROUP_ID ? { token: config.VK_GROUP_TOKEN, groupId: config.VK_GROUP_ID } : null;
  const max = config.MAX_BOT_TOKEN;
  if (!telegram && !vk && !max) {
    io.err.write('dnevnik webhooks: no bot is configured (TELEGRAM_BOT_TOKEN, VK_GROUP_TOKEN, MAX_BOT_TOKEN)\n');
    return 1;
  }
  const publicUrl = config.PUBLIC_URL;
  if (!publicUrl && (action as TAction) !== 'show') {
    io.err.write(
      `dnevnik webhooks: PUBLIC_URL is not set — webhooks need the server's public HTTPS address (without it the bots poll)\n`,
    );
    return 1;
  }
  let ok = true;
  if (telegram) {
    const api = new Api(telegram, { apiRoot: config.TELEGRAM_API_ROOT });
    ok =
      (await report(io, 'telegram', () => {
        if (action === 'show') return showTelegramWebhook(api);
        if (action === 'delete') return deleteTelegramWebhook(api);
        // config requires the secret whenever the token and PUBLIC_URL are both set
        return setTelegramWebhook(api, publicUrl as string, config.TELEGRAM_WEBHOOK_SECRET as string);
      })) && ok;
  }
  if (vk) {
    const api = new API({ token: vk.token, apiBaseUrl: config.VK_API_BASE_URL });
    ok =
      (await report(io, 'vk', () => {
        if (action === 'show') return showVkCallbackServer(api, vk.groupId, publicUrl);
        if (action === 'delete') return deleteVkCallbackServer(api, vk.groupId, publicUrl as string);
        return setVkCallbackServer(
          api,
          vk.groupId,
          publicUrl as string,
          config.VK_CALLBACK_SECRET as string,
          api.options.apiVersion,
        );
      })) && ok;
  }
  if (max) {
    // The library's client is a Bot's api; building a Bot connects nothing.
    const api = new MaxBotClient(max, { clientOptions: { baseUrl: config.MAX_API_BASE_URL } }).api;
    ok =
      (await report(io, 'max', () => {
        if (action === 'show') return showMaxSubscriptions(api, publicUrl);
        if (action === 'delete') return deleteMaxSubscription(api, publicUrl as string);
        // config requires the secret whenever the token and PUBLIC_URL are both set
        return setMaxSubscription(api, publicUrl as string, config.MAX_WEBHOOK_SECRET as string);
      })) && ok;
  }
  return ok ? 0 : 1;
}
