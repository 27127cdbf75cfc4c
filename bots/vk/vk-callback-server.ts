import type { API } from 'vk-io';

// The community's Callback API server as `dnevnik webhooks` sets it: our URL under PUBLIC_URL,
// the secret VK sends in each event, the events the bot handles, and the confirmation code VK
// asks the server to echo (VK_CONFIRMATION). One server per URL: set edits ours when it exists.
// Each function returns lines for a person to read.

const TITLE = 'dnevnik';
/** The events the bot handles (bots/vk/vk-event.ts). */
const EVENTS = { message_new: 1, message_event: 1, message_allow: 1, message_deny: 1 };

export const vkCallbackUrl = (publicUrl: string) => new URL('/webhooks/vk', publicUrl).toString();

async function ours(api: API, groupId: number, url: string) {
  const { items } = await api.groups.getCallbackServers({ group_id: groupId });
  return items.find((s) => s.url === url) ?? null;
}

export async function setVkCallbackServer(
  api: API,
  groupId: number,
  publicUrl: string,
  secret: string,
  apiVersion: string,
): Promise<string[]> {
  const url = vkCallbackUrl(publicUrl);
  const existing = await ours(api, groupId, url);
  let serverId: number;
  if (existing) {
    await api.groups.editCallbackServer({
      group_id: groupId,
      server_id: existing.id,
      url,
      title: TITLE,
      secret_key: secret,
    });
    serverId = existing.id;
  } else {
    ({ server_id: serverId } = await api.groups.addCallbackServer({
      group_id: groupId,
      url,
      title: TITLE,
      secret_key: secret,
    }));
  }
  await api.groups.setCallbackSettings({ group_id: groupId, server_id: serverId, api_version: apiVersion, ...EVENTS });
  return [
    `callback server ${existing ? 'updated' : 'added'}: ${url}`,
    ...(await showVkCallbackServer(api, groupId, publicUrl)),
  ];
}

export async function showVkCallbackServer(
  api: API,
  groupId: number,
  publicUrl: string | undefined,
): Promise<string[]> {
  const { code } = await api.groups.getCallbackConfirmationCode({ group_id: groupId });
  const lines = [`confirmation code: ${code} (VK_CONFIRMATION must be this)`];
  const { items } = await api.groups.getCallbackServers({ group_id: groupId });
  const url = publicUrl ? vkCallbackUrl(publicUrl) : null;
  if (items.length === 0) lines.push('callback servers: none');
  for (const s of items)
    lines.push(`callback server ${s.id}: ${s.url} — ${s.status}${s.url === url ? ' (this deployment)' : ''}`);
  return lines;
}

export async function deleteVkCallbackServer(api: API, groupId: number, publicUrl: string): Promise<string[]> {
  const url = vkCallbackUrl(publicUrl);
  const existing = await ours(api, groupId, url);
  if (existing) await api.groups.deleteCallbackServer({ group_id: groupId, server_id: existing.id });
  return [existing ? `callback server deleted: ${url}` : `no callback server for ${url}`];
}
