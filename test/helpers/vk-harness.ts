import fs from 'node:fs';
import path from 'node:path';
import type { TVkQueuedEvent } from '../../bots/vk';
import type { TVkCall } from './vk-api-stub';

// Callback API events built on VK's own examples (test/fixtures/vk/callback-events.json).

const FIXTURES = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'vk', 'callback-events.json'), 'utf8'),
) as Record<string, Record<string, unknown>>;

export const GROUP_ID = FIXTURES.confirmation.group_id as number;
export const CALLBACK_SECRET = FIXTURES.message_new.secret as string;
export const VK_TOKEN = 'vk1.a.test-token-never-sent';
export const fixture = (name: string) => structuredClone(FIXTURES[name]);

let nextId = 0;
const eventId = () => `${Date.now().toString(16)}${(++nextId).toString(16).padStart(8, '0')}`;

export function messageNew(
  peerId: number,
  text: string,
  options: { payload?: unknown; langId?: number; fromId?: number; ref?: string } = {},
): TVkQueuedEvent {
  const base = fixture('message_new') as {
    object: { message: Record<string, unknown>; client_info: Record<string, unknown> };
  };
  base.object.message = {
    ...base.object.message,
    peer_id: peerId,
    from_id: options.fromId ?? peerId,
    text,
    id: ++nextId,
    conversation_message_id: nextId,
  };
  if (options.payload !== undefined) base.object.message.payload = JSON.stringify(options.payload);
  if (options.ref) base.object.message.ref = options.ref;
  base.object.client_info = { ...base.object.client_info, lang_id: options.langId ?? 0 };
  return { ...base, event_id: eventId(), secret: CALLBACK_SECRET } as unknown as TVkQueuedEvent;
}

export function messageEvent(peerId: number, payload: unknown): TVkQueuedEvent {
  const base = fixture('message_event') as { object: Record<string, unknown> };
  base.object = {
    ...base.object,
    user_id: peerId < 2e9 ? peerId : 123456789,
    peer_id: peerId,
    event_id: `tap${++nextId}`,
    payload,
  };
  return { ...base, event_id: eventId(), secret: CALLBACK_SECRET } as unknown as TVkQueuedEvent;
}

export interface TVkButton {
  action: { type: string; label?: string; payload?: string; link?: string };
}

export interface TVkKeyboard {
  inline?: boolean;
  one_time?: boolean;
  buttons: TVkButton[][];
}

export const keyboardOf = (call: TVkCall): TVkKeyboard | undefined =>
  call.params.keyboard ? (JSON.parse(call.params.keyboard) as TVkKeyboard) : undefined;

/** The shared action (`a`) of every button of a sent keyboard. */
export const actionsOf = (call: TVkCall): string[] =>
  (keyboardOf(call)?.buttons ?? [])
    .flat()
    .flatMap((b) => (b.action.payload ? [(JSON.parse(b.action.payload) as { a: string }).a] : []));

export const textsOf = (calls: TVkCall[]) =>
  calls.filter((c) => c.method === 'messages.send').map((c) => c.params.message);
