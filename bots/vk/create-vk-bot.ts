import http from 'node:http';
import https from 'node:https';
import { API, MessageContext, MessageEventContext, Upload, UpdateSource } from 'vk-io';
import { BOT_TEXTS, createConversation, memoisedChatState, type TBotLang, type TConversationLogger, type TOutcome, type TTurn } from '../../core/conversation';
import type { TChatRef } from '../../core/linking';
import { createChatLogRef } from '../../core/logging';
import { InboxUpdates } from './inbox-updates';
import type { VkBotDeps } from './vk-deps';
import { VK_CHAT_PEER_OFFSET, ZVkObjectSchemas, type TVkQueuedEvent } from './vk-event';
import { privateChatKeyboard, readPayload } from './vk-keyboards';
import { answerTap, sendReplies } from './vk-outcome';
import { defaultRetryDelay, sendVk } from './vk-send';

export interface VkBot {
  api: API;
  /** Processes one stored event; resolves when its replies are sent (or the failure is reported). */
  handle(event: TVkQueuedEvent): Promise<void>;
  /** Bots Long Poll (no PUBLIC_URL): polled events go to `intake`, the same inbox the route fills. */
  startPolling(intake: (event: TVkQueuedEvent) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/** The chat an event belongs to: a message's or a tap's peer, or who allowed or denied messages; 0 when none. */
function peerOf(event: TVkQueuedEvent): number {
  const object = event.object as { message?: { peer_id?: unknown }; peer_id?: unknown; user_id?: unknown } | undefined;
  const peerId = Number(object?.message?.peer_id ?? object?.peer_id ?? object?.user_id ?? 0);
  return Number.isSafeInteger(peerId) ? peerId : 0;
}

/** VK's lang_id: 3 is English; the product is Russian first. */
const langOfClient = (langId: number | undefined): TBotLang => (langId === 3 ? 'en' : 'ru');

export function createVkBot(deps: VkBotDeps): VkBot {
  const mention = new RegExp(`\\[(?:club|public)${deps.groupId}\\|`);
  const addressedToUs = (text: string, payload: unknown) => text.startsWith('/') || mention.test(text) || payload !== undefined;
  // vk-io's default agent speaks https only; a self-hosted double on http:// must work too. Kept alive: one connection, many sends.
  const agent = deps.apiBaseUrl.startsWith('http:') ? new http.Agent({ keepAlive: true }) : new https.Agent({ keepAlive: true });
  const api = new API({ token: deps.token, apiBaseUrl: deps.apiBaseUrl, apiLimit: deps.apiLimit ?? 20, agent: agent as https.Agent });
  const upload = new Upload({ api });
  const conversation = createConversation({ answers: deps.answers, linking: deps.linking, settings: deps.settings, teacherSettings: deps.teacherSettings, now: deps.now ?? (() => new Date()) });
  const retryDelayMs = deps.retryDelayMs ?? defaultRetryDelay;
  const chatLogRef = deps.chatLogRef ?? createChatLogRef();
  let updates: InboxUpdates | undefined;
  // One peer's events in order within this process: a consent tap is handled before the next question.
  const peerTails = new Map<number, Promise<void>>();

  function turnFor(peerId: number, lang: TBotLang, log: TConversationLogger): TTurn {
    const chat: TChatRef = { channel: 'vk', externalId: String(peerId), locale: lang };
    return { chat, lang, log, detachedLog: deps.logger, ...memoisedChatState(chat.channel, () => deps.linking.chatState(chat)) };
  }

  const sendDeps = (log: TConversationLogger) => ({ api, upload, chats: deps.chats, log, retryDelayMs });

  async function onMessage(event: TVkQueuedEvent, log: TConversationLogger): Promise<void> {
    const ctx = new MessageContext({ api, upload, payload: event.object as never, groupId: event.group_id, updateType: 'message_new', source: UpdateSource.WEBHOOK });
    // Our own messages echo back as events; messages from other communities are not questions.
    if (ctx.isOutbox || (!ctx.isUser && !ctx.isChat)) return;
    const lang = langOfClient(ctx.clientInfo?.lang_id);
    const turn = turnFor(ctx.peerId, lang, log);
    const target = { chat: turn.chat, peerId: ctx.peerId, lang, eventId: event.event_id };
    if (ctx.peerId >= VK_CHAT_PEER_OFFSET) {
      const t = BOT_TEXTS[lang];
      const keyboard = privateChatKeyboard(t, deps.groupId).toString();
      // A link code is voided whether it addresses the community or not: everyone there has read it.
      const posted = await conversation.groupMessage(turn, ctx.text ?? '');
      if (posted) {
        for (const [i, reply] of posted.replies.entries()) await sendVk(sendDeps(log), turn.chat, { peerId: ctx.peerId, text: reply.text, keyboard, key: `${event.event_id}:code:${i}` });
        return;
      }
      // A community given all messages of a parents' conversation must not answer each of them:
      // only what is addressed to it (a mention, a command, one of its buttons).
      if (!addressedToUs(ctx.text ?? '', ctx.messagePayload)) return;
      // Nothing personal where several people read: only a pointer to a private chat.
      await sendVk(sendDeps(log), turn.chat, { peerId: ctx.peerId, text: t.group.privateOnly, keyboard, key: `${event.event_id}:group` });
      return;
    }
    const pressed = readPayload(ctx.messagePayload);
    const ref = (event.object as { message?: { ref?: unknown } }).message?.ref;
    let outcome: TOutcome | null = null;
    if (pressed) outcome = await conversation.tap(turn, pressed.a);
    else if ((ctx.messagePayload as { command?: unknown } | undefined)?.command === 'start') outcome = await conversation.message(turn, '/start');
    // A vk.me link from a school letter carries the code as `ref` with the first message.
    else if (typeof ref === 'string' && /^\d{12}$/.test(ref)) outcome = await conversation.message(turn, `/start ${ref}`);
    if (!outcome) outcome = await conversation.message(turn, ctx.text ?? '');
    // A standard-keyboard button has no place to show a notice but the chat itself.
    const replies = outcome.notice && outcome.replies.length === 0 ? [{ text: outcome.notice, html: false }] : outcome.replies;
    await sendReplies(sendDeps(log), target, { replies });
  }

  async function onTap(event: TVkQueuedEvent, log: TConversationLogger): Promise<void> {
    const ctx = new MessageEventContext({ api, upload, payload: event.object as never, groupId: event.group_id, updateType: 'message_event', source: UpdateSource.WEBHOOK });
    const pressed = readPayload(ctx.eventPayload);
    const lang = pressed?.l ?? 'ru';
    const tap = { eventId: ctx.eventId, userId: ctx.userId, peerId: ctx.peerId };
    if (ctx.peerId >= VK_CHAT_PEER_OFFSET) return answerTap(api, tap, BOT_TEXTS[lang].group.privateOnly);
    const turn = turnFor(ctx.peerId, lang, log);
    const outcome = pressed ? await conversation.tap(turn, pressed.a) : null;
    // A button from an older version of the bot: stop its spinner, do nothing else.
    await answerTap(api, tap, outcome?.notice);
    const tappedMessage = (event.object as { conversation_message_id?: unknown }).conversation_message_id;
    const target = { chat: turn.chat, peerId: ctx.peerId, lang, eventId: event.event_id, tappedMessage: typeof tappedMessage === 'number' ? tappedMessage : undefined };
    if (outcome) await sendReplies(sendDeps(log), target, outcome);
  }

  async function dispatch(event: TVkQueuedEvent): Promise<void> {
    // The peer id names a person: lines of one chat share its log reference instead.
    const peerId = peerOf(event);
    const log = deps.logger.child({ eventId: event.event_id, type: event.type, ...(peerId ? { chatRef: chatLogRef({ channel: 'vk', externalId: String(peerId) }) } : {}) });
    const schema = Object.hasOwn(ZVkObjectSchemas, event.type) ? ZVkObjectSchemas[event.type as keyof typeof ZVkObjectSchemas] : undefined;
    if (schema && !schema.safeParse(event.object).success) {
      log.warn({}, 'vk event with a malformed object skipped');
      return;
    }
    try {
      switch (event.type) {
        case 'message_new':
          return await onMessage(event, log);
        case 'message_event':
          return await onTap(event, log);
        case 'message_allow':
        case 'message_deny': {
          const userId = Number((event.object as { user_id?: unknown } | undefined)?.user_id);
          if (Number.isSafeInteger(userId)) await deps.chats.setActive({ channel: 'vk', externalId: String(userId) }, event.type === 'message_allow');
          return;
        }
        default:
          // Wall posts, joins and the rest: nothing to answer, nothing personal to process.
          return;
      }
    } catch (err) {
      const cause = err instanceof Error ? err : new Error(String(err));
      log.error({ err: cause }, 'vk event failed');
      await apologize(event, log);
    }
  }

  /** A feature's failure becomes a short apology; the log line above is what matters if that fails too. */
  async function apologize(event: TVkQueuedEvent, log: TConversationLogger): Promise<void> {
    const object = event.object as { message?: { peer_id?: number }; peer_id?: number } | undefined;
    const peerId = Number(object?.message?.peer_id ?? object?.peer_id);
    if (!Number.isSafeInteger(peerId) || peerId <= 0) return;
    try {
      await sendVk(sendDeps(log), { channel: 'vk', externalId: String(peerId) }, { peerId, text: BOT_TEXTS.ru.error, key: `${event.event_id}:error` });
    } catch {
      // VK unreachable or the chat closed: nothing more to do.
    }
  }

  return {
    api,
    async handle(event) {
      const object = event.object as { message?: { peer_id?: number }; peer_id?: number } | undefined;
      const peerId = Number(object?.message?.peer_id ?? object?.peer_id ?? 0);
      const previous = peerTails.get(peerId) ?? Promise.resolve();
      const current = previous.then(() => dispatch(event));
      peerTails.set(peerId, current);
      try {
        await current;
      } finally {
        if (peerTails.get(peerId) === current) peerTails.delete(peerId);
      }
    },
    async startPolling(intake) {
      updates = new InboxUpdates({ api, upload, agent: agent as https.Agent, pollingGroupId: deps.groupId }, intake, deps.logger);
      await updates.startPolling();
    },
    async stop() {
      await updates?.stop();
      agent.destroy();
    },
  };
}
