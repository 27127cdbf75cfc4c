import type { Api } from '@maxhub/max-bot-api';
import { MAX_UPDATE_TYPES } from './max-update';

// The webhook subscription (POST /subscriptions): MAX then sends each update to PUBLIC_URL's
// /webhooks/max with the secret in X-Max-Bot-Api-Secret. While a subscription exists, long
// polling gets nothing, so a server without PUBLIC_URL must not leave one behind (README "MAX bot").

export const maxWebhookUrl = (publicUrl: string) => new URL('/webhooks/max', publicUrl).toString();

export interface TMaxSubscriptionInfo {
  url: string;
  updateTypes: string[];
  since: Date | null;
}

/** Subscribes this URL (again: MAX replaces a subscription of the same URL) with the secret and the handled types. */
export async function subscribeMaxWebhook(api: Api, url: string, secret: string): Promise<void> {
  await api.subscribe(url, secret, [...MAX_UPDATE_TYPES]);
}

export async function maxSubscriptions(api: Api): Promise<TMaxSubscriptionInfo[]> {
  const list = (await api.getSubscriptions()) ?? [];
  return list.map((s) => ({
    url: s.url,
    updateTypes: s.updateTypes ?? [],
    since: typeof s.time === 'number' ? new Date(s.time) : null,
  }));
}

export async function unsubscribeMaxWebhook(api: Api, url: string): Promise<void> {
  await api.unsubscribe(url);
}
