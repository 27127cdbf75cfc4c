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

// What `dnevnik webhooks` prints for MAX: the subscriptions MAX reports (it tells neither pending
// updates nor delivery errors), with the one for this server marked.

const describe = (s: TMaxSubscriptionInfo, ours: string | undefined) =>
  `${s.url}${s.url === ours ? ' (this server)' : ''}: ${s.updateTypes.length ? s.updateTypes.join(', ') : 'all updates'}` +
  (s.since ? `, since ${s.since.toISOString()}` : '');

export async function showMaxSubscriptions(api: Api, publicUrl: string | undefined): Promise<string[]> {
  const ours = publicUrl ? maxWebhookUrl(publicUrl) : undefined;
  const list = await maxSubscriptions(api);
  if (list.length === 0)
    return ['no subscription: MAX keeps updates for long polling (a server without PUBLIC_URL polls)'];
  const lines = list.map((s) => describe(s, ours));
  if (ours && !list.some((s) => s.url === ours))
    lines.push(`this server's ${ours} is not subscribed: dnevnik webhooks set`);
  if (!publicUrl)
    lines.push('while a subscription exists, long polling gets nothing: dnevnik webhooks delete with its PUBLIC_URL');
  return lines;
}

export async function setMaxSubscription(api: Api, publicUrl: string, secret: string): Promise<string[]> {
  await subscribeMaxWebhook(api, maxWebhookUrl(publicUrl), secret);
  return ['subscribed', ...(await showMaxSubscriptions(api, publicUrl))];
}

export async function deleteMaxSubscription(api: Api, publicUrl: string): Promise<string[]> {
  await unsubscribeMaxWebhook(api, maxWebhookUrl(publicUrl));
  return ['unsubscribed', ...(await showMaxSubscriptions(api, publicUrl))];
}
