import http from 'node:http';
import https from 'node:https';
import { API, MessageContext, UpdateSource, Upload } from 'vk-io';
import {
  BOT_TEXTS,
  conversationFor,
  createChatOrder,
  memoisedChatState,
  type TConversationLogger,
  type TOutcome,
  type TTurn,
} from '../../core/conversation';
import type { TLang } from '../../core/i18n';
import type { TChatRef } from '../../core/linking';
import { createChatLogRef } from '../../core/logging';
import { InboxUpdates } from './inbox-updates';
import type { VkBotDeps } from './vk-deps';
import { type TVkEventOf, type TVkQueuedEvent, VK_CHAT_PEER_OFFSET } from './vk-event';
import { isStartCommand, privateChatKeyboard, readPayload } from './vk-keyboards';
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

/** The chat a message or a button tap is in; 0 for the events that have none. */
function chatOf(event: TVkQueuedEvent): number {
  switch (event.type) {
    case 'message_new':
      return event.object.message.peer_id;
    case 'message_event':
      return event.object.peer_id;
    default:
      return 0;
  }
}

/** Whose event a log line is about: the chat, or who allowed or denied messages (their private chat). */
const loggedPeerOf = (event: TVkQueuedEvent): number =>
  event.type === 'message_allow' || event.type === 'message_deny' ? event.object.user_id : chatOf(event);

/** VK's lang_id: 3 is English; the product is Russian first. */
const langOfClient = (langId: number | undefined): TLang => (langId === 3 ? 'en' : 'ru');

export function createVkBot(deps: VkBotDeps): VkBot {
  const mention = new RegExp(`\\[(?:club|public)${deps.groupId}\\|`);
  const addressedToUs = (text: string, payload: unknown) =>
    text.startsWith('/') || mention.test(text) || payload !== undefined;
  // vk-io's default agent speaks https only; a self-hosted double on http:// must work too. Kept alive: one connection, many sends.
  // vk-io types the option as an https agent, hence the cast; Node takes an http one for an http:// URL.
  const agent = (
    deps.apiBaseUrl.startsWith('http:') ? new http.Agent({ keepAlive: true }) : new https.Agent({ keepAlive: true })
  ) as https.Agent;
  const api = new API({ token: deps.token, apiBaseUrl: deps.apiBaseUrl, apiLimit: deps.apiLimit ?? 20, agent });
  const upload = new Upload({ api });
  const conversation = conversationFor(deps);
  const retryDelayMs = deps.retryDelayMs ?? defaultRetryDelay;
  const chatLogRef = deps.chatLogRef ?? createChatLogRef();
  let updates: InboxUpdates | undefined;
  const inPeerOrder = createChatOrder<number>();

  function turnFor(peerId: number, lang: TLang, log: TConversationLogger): TTurn {
    const chat: TChatRef = { channel: 'vk', externalId: String(peerId), locale: lang };
    return {
      chat,
      lang,
      log,
      detachedLog: deps.logger,
      ...memoisedChatState(chat.channel, () => deps.linking.chatState(chat)),
    };
  }

  const sendDeps = (log: TConversationLogger) => ({
    api,
    upload,
    chats: deps.chats,
    log,
    retryDelayMs,
    pace: deps.pace,
  });

  async function onMessage(event: TVkEventOf<'message_new'>, log: TConversationLogger): Promise<void> {
    // vk-io reads VK's whole object (unescaped text, client info, button payload). Its type demands
    // fields the schema leaves unchecked because the bot does not rely on them, hence the cast.
    const ctx = new MessageContext({
      api,
      upload,
      payload: event.object as never,
      groupId: event.group_id,
      updateType: 'message_new',
      source: UpdateSource.WEBHOOK,
    });
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
        for (const [i, reply] of posted.replies.entries())
          await sendVk(sendDeps(log), turn.chat, {
            peerId: ctx.peerId,
            text: reply.text,
            keyboard,
            key: `${event.event_id}:code:${i}`,
          });
        return;
      }
      // A community given all messages of a parents' conversation must not answer each of them:
      // only what is addressed to it (a mention, a command, one of its buttons).
      if (!addressedToUs(ctx.text ?? '', ctx.messagePayload)) return;
      // Nothing personal where several people read: only a pointer to a private chat.
      await sendVk(sendDeps(log), turn.chat, {
        peerId: ctx.peerId,
        text: t.group.privateOnly,
        keyboard,
        key: `${event.event_id}:group`,
      });
      return;
    }
    const pressed = readPayload(ctx.messagePayload);
    const { ref } = event.object.message;
    let outcome: TOutcome | null = null;
    if (pressed) outcome = await conversation.tap(turn, pressed.a);
    else if (isStartCommand(ctx.messagePayload)) outcome = await conversation.message(turn, '/start');
    // A vk.me link from a school letter carries the code as `ref` with the first message.
    else if (ref !== undefined && /^\d{12}$/.test(ref)) outcome = await conversation.message(turn, `/start ${ref}`);
    if (!outcome) outcome = await conversation.message(turn, ctx.text ?? '');
    // A standard-keyboard button has no place to show a notice but the chat itself.
    const replies =
      outcome.notice && outcome.replies.length === 0 ? [{ text: outcome.notice, html: false }] : outcome.replies;
    await sendReplies(sendDeps(log), target, { replies });
  }

  async function onTap(event: TVkEventOf<'message_event'>, log: TConversationLogger): Promise<void> {
    const {
      user_id: userId,
      peer_id: peerId,
      event_id: tapId,
      payload,
      conversation_message_id: tappedMessage,
    } = event.object;
    const pressed = readPayload(payload);
    const lang = pressed?.l ?? 'ru';
    const tap = { eventId: tapId, userId, peerId };
    if (peerId >= VK_CHAT_PEER_OFFSET) return answerTap(api, tap, BOT_TEXTS[lang].group.privateOnly, deps.pace);
    const turn = turnFor(peerId, lang, log);
    const outcome = pressed ? await conversation.tap(turn, pressed.a) : null;
    // A button from an older version of the bot: stop its spinner, do nothing else.
    await answerTap(api, tap, outcome?.notice, deps.pace);
    const target = { chat: turn.chat, peerId, lang, eventId: event.event_id, tappedMessage };
    if (outcome) await sendReplies(sendDeps(log), target, outcome);
  }

  async function dispatch(event: TVkQueuedEvent): Promise<void> {
    // The peer id names a person: lines of one chat share its log reference instead.
    const peerId = loggedPeerOf(event);
    const log = deps.logger.child({
      eventId: event.event_id,
      type: event.type,
      ...(peerId ? { chatRef: chatLogRef({ channel: 'vk', externalId: String(peerId) }) } : {}),
    });
    try {
      switch (event.type) {
        case 'message_new':
          return await onMessage(event, log);
        case 'message_event':
          return await onTap(event, log);
        case 'message_allow':
        case 'message_deny':
          return await deps.chats.setActive(
            { channel: 'vk', externalId: String(event.object.user_id) },
            event.type === 'message_allow',
          );
      }
    } catch (err) {
      const cause = err instanceof Error ? err : new Error(String(err));
      log.error({ err: cause }, 'vk event failed');
      await apologize(event, log);
    }
  }

  /** A feature's failure becomes a short apology; the log line above is what matters if that fails too. */
  async function apologize(event: TVkQueuedEvent, log: TConversationLogger): Promise<void> {
    const peerId = chatOf(event);
    if (!peerId) return;
    try {
      await sendVk(
        sendDeps(log),
        { channel: 'vk', externalId: String(peerId) },
        { peerId, text: BOT_TEXTS.ru.error, key: `${event.event_id}:error` },
      );
    } catch {
      // VK unreachable or the chat closed: nothing more to do.
    }
  }

  return {
    api,
    handle: (event) => inPeerOrder(chatOf(event), () => dispatch(event)),
    async startPolling(intake) {
      updates = new InboxUpdates({ api, upload, agent, pollingGroupId: deps.groupId }, intake, deps.logger);
      await updates.startPolling();
    },
    async stop() {
      await updates?.stop();
      agent.destroy();
    },
  };
}
