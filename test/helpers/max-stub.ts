import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the MAX Bot API (platform-api.max.ru), for the tests and the benchmarks
// alike. The token must come in the Authorization header (401 otherwise). POST /messages
// enforces a rate over any rolling second and a gap per chat with 429, answers 403 for chats
// that blocked the bot, and can be told to answer 503 or 429 now and then; every accepted
// message, edit and callback answer is recorded. GET /updates serves the updates the test
// pushes (long polling); the webhook subscriptions are kept as MAX keeps them. An image upload
// follows the two steps of the library's Upload helper (POST /uploads, then a multipart POST to
// the URL it gave), so `api.uploadImage({ source: buffer })` works against it.

export interface TMaxStubOptions {
  /** The bot's token: requests without it in Authorization get 401. */
  token?: string;
  /** What GET /me answers. */
  bot?: { user_id: number; name: string; username: string };
  /** Accepted messages (POST /messages) per rolling second (0 = no limit). MAX documents 30 requests/s. */
  perSecond?: number;
  /** Minimum ms between two accepted messages to one chat (0 = no limit). */
  perChatGapMs?: number;
  /** Sent with every 429 as Retry-After (seconds); MAX does not document the header, so none by default. */
  retryAfterSeconds?: number;
  /** Chats (or users, when sent by user_id) that blocked the bot: POST /messages answers 403. */
  blocked?: Set<string>;
  /** Answer 503 to this request (1-based count of all requests; long polls are never failed). */
  failRequest?: (n: number, call: TMaxCall) => boolean;
  /** Answer 429 to this request regardless of rate (long polls are never throttled). */
  throttleRequest?: (n: number, call: TMaxCall) => boolean;
  /** Hold each answer this long (ms): sends stay in flight, as over a slow network. */
  delayMs?: number;
}

export interface TMaxCall {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The JSON body; an upload or a broken body reads as empty. */
  body: Record<string, unknown>;
}

export interface TMaxMessage {
  /** The chat_id it was sent to, or the user_id when sent by user. */
  chatId: string;
  byUser?: true;
  text: string;
  format?: string;
  /** The callback payloads of its inline keyboard, row by row flattened. */
  buttons: string[];
  attachments: unknown[];
  mid: string;
  at: number;
}

export interface TMaxEdit {
  mid: string;
  /** '' when the stub has not seen the message (neither sent through it nor pushed in an update). */
  chatId: string;
  text: string;
  buttons: string[];
  at: number;
}

export interface TMaxCallbackAnswer {
  callbackId: string;
  notification?: string;
  /** The message the answer puts in place of the button's message, if it carries one. */
  message?: { text: string; buttons: string[] };
  at: number;
}

export interface TMaxSubscription {
  url: string;
  time: number;
  update_types?: string[];
  version?: string;
  secret?: string;
}

export interface TMaxUpload {
  type: string;
  url: string;
  bytes: number;
  token: string;
}

export interface MaxStub {
  /** http://127.0.0.1:<port>, for createClient's baseUrl / MAX_API_BASE_URL. */
  apiBaseUrl: string;
  token: string;
  /** Every request, in the order they arrived (long polls and uploads included). */
  calls: TMaxCall[];
  accepted: TMaxMessage[];
  edits: TMaxEdit[];
  answers: TMaxCallbackAnswer[];
  /** As POST and DELETE /subscriptions left them (GET answers these without the secret). */
  subscriptions: TMaxSubscription[];
  uploads: TMaxUpload[];
  counts: { requests: number; tooMany: number; serverErrors: number; forbidden: number; unauthorized: number };
  /** Queues an update: the next GET /updates returns it with a marker one higher than the last. */
  push(update: { update_type: string }): void;
  /** Notes an update delivered another way (a webhook), so edits and answers about its message know the chat. */
  seen(update: { update_type: string }): void;
  /** The callback payloads of the buttons of the last message sent, edited or put by an answer in a chat. */
  lastButtons(chatId: string | number): string[];
  /** The messages accepted for a chat, oldest first. */
  sentTo(chatId: string | number): TMaxMessage[];
  /** Requests received whose answer has not been written yet, waiting long polls not counted. */
  inFlight(): number;
  close(): Promise<void>;
}

const DEFAULT_BOT = { user_id: 9_000_001, name: 'Дневник', username: 'dnevnik_bot' };
/** MAX's limit on the length of a message text. */
const MAX_TEXT = 4000;
/** MAX's default long-poll timeout, in seconds. */
const DEFAULT_POLL_SECONDS = 30;

const apiError = (code: string, message: string) => ({ code, message });

function readBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw || !(contentType ?? '').includes('json')) return {};
  try {
    return (JSON.parse(raw) ?? {}) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The payloads of the callback buttons of an inline_keyboard attachment. */
function buttonsOf(attachments: unknown): string[] {
  if (!Array.isArray(attachments)) return [];
  return attachments.flatMap((a: { type?: string; payload?: { buttons?: { payload?: unknown }[][] } }) =>
    a?.type === 'inline_keyboard'
      ? (a.payload?.buttons ?? []).flat().flatMap((b) => (typeof b?.payload === 'string' ? [b.payload] : []))
      : [],
  );
}

export async function startMaxStub(options: TMaxStubOptions = {}): Promise<MaxStub> {
  const token = options.token ?? 'max-test-token';
  const bot = options.bot ?? DEFAULT_BOT;
  const calls: TMaxCall[] = [];
  const accepted: TMaxMessage[] = [];
  const edits: TMaxEdit[] = [];
  const answers: TMaxCallbackAnswer[] = [];
  const subscriptions: TMaxSubscription[] = [];
  const uploads: TMaxUpload[] = [];
  const counts = { requests: 0, tooMany: 0, serverErrors: 0, forbidden: 0, unauthorized: 0 };
  // The times of the messages accepted within the last second, and each chat's last one.
  const window: number[] = [];
  const lastPerChat = new Map<string, number>();
  // What each chat shows last (for lastButtons), which chat a message is in, which message a callback is about.
  const shownButtons = new Map<string, string[]>();
  const chatOfMid = new Map<string, string>();
  const midOfCallback = new Map<string, string>();
  // The long-polling queue: updates numbered from 1 (the library drops a marker of 0), and the
  // number of the next one not yet handed out.
  const queue: { marker: number; update: { update_type: string } }[] = [];
  let nextMarker = 1;
  let delivered = 1;
  // Waiting long polls: how to answer each, and from which marker it waits.
  const waiters = new Map<() => void, number>();
  let seq = 0;
  let open = 0;
  let baseUrl = '';

  const noteUpdate = (update: { update_type: string }) => {
    const u = update as {
      message?: { body?: { mid?: string }; recipient?: { chat_id?: number | null } };
      callback?: { callback_id?: string };
    };
    const mid = u.message?.body?.mid;
    const chat = u.message?.recipient?.chat_id;
    if (mid && chat != null) chatOfMid.set(mid, String(chat));
    if (mid && u.callback?.callback_id) midOfCallback.set(u.callback.callback_id, mid);
  };

  const newMessage = (recipient: { chatId: string; byUser?: true }, body: Record<string, unknown>) => {
    const mid = `mid.${randomBytes(8).toString('hex')}`;
    const now = Date.now();
    chatOfMid.set(mid, recipient.chatId);
    return {
      mid,
      now,
      json: {
        sender: { ...bot, is_bot: true, last_activity_time: now },
        recipient: recipient.byUser
          ? { chat_id: null, chat_type: 'dialog', user_id: Number(recipient.chatId) }
          : {
              chat_id: Number(recipient.chatId),
              chat_type: recipient.chatId.startsWith('-') ? 'chat' : 'dialog',
              user_id: null,
            },
        timestamp: now,
        body: { mid, seq: ++seq, text: String(body.text ?? ''), attachments: body.attachments ?? null },
      },
    };
  };

  const takeUpdates = (from: number, limit: number, types: string[] | undefined) => {
    const taken = queue.filter((q) => q.marker >= from).slice(0, limit);
    if (taken.length > 0) delivered = Math.max(delivered, taken[taken.length - 1].marker + 1);
    // A marker acknowledges everything before it: those are gone for good, as on MAX.
    while (queue.length > 0 && queue[0].marker < Math.max(from, delivered)) queue.shift();
    return {
      updates: taken.filter((q) => !types || types.includes(q.update.update_type)).map((q) => q.update),
      marker: delivered,
    };
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = ++counts.requests;
      const url = new URL(req.url ?? '/', 'http://stub');
      const raw = Buffer.concat(chunks);
      const call: TMaxCall = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: readBody(raw.toString('utf8'), req.headers['content-type']),
      };
      calls.push(call);
      const isPoll = call.method === 'GET' && call.path === '/updates';
      if (!isPoll) open++;
      const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        const write = () => {
          if (!isPoll) open--;
          // The client may be gone (a killed worker, an aborted poll): what was accepted stays accepted, as on MAX.
          if (!res.destroyed)
            res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
        };
        if (options.delayMs) setTimeout(write, options.delayMs);
        else write();
      };
      const tooMany = () => {
        counts.tooMany++;
        const headers: Record<string, string> = options.retryAfterSeconds
          ? { 'retry-after': String(options.retryAfterSeconds) }
          : {};
        answer(429, apiError('too.many.requests', 'Too many requests'), headers);
      };

      // The upload URL handed out by POST /uploads: no Authorization, a multipart body.
      const upload = uploads.find((u) => new URL(u.url).pathname === call.path);
      if (upload && call.method === 'POST') {
        upload.bytes = raw.length;
        const photos = { [upload.token]: { token: upload.token } };
        return answer(200, upload.type === 'image' ? { photos } : { token: upload.token });
      }
      if (req.headers.authorization !== token) {
        counts.unauthorized++;
        return answer(401, apiError('verify.token', 'Invalid access_token'));
      }
      if (!isPoll && options.throttleRequest?.(n, call)) return tooMany();
      if (!isPoll && options.failRequest?.(n, call)) {
        counts.serverErrors++;
        return answer(503, apiError('service.unavailable', 'Service temporarily unavailable'));
      }
      const route = `${call.method} ${call.path}`;
      const { query, body } = call;

      if (route === 'GET /me') return answer(200, { ...bot, is_bot: true, last_activity_time: Date.now() });

      if (route === 'POST /messages') {
        const byUser = query.chat_id === undefined && query.user_id !== undefined ? (true as const) : undefined;
        const chatId = query.chat_id ?? query.user_id;
        if (chatId === undefined) return answer(400, apiError('proto.payload', 'chat_id or user_id is required'));
        const text = String(body.text ?? '');
        if (text.length > MAX_TEXT)
          return answer(400, apiError('proto.payload', `text: size must be between 0 and ${MAX_TEXT}`));
        if (options.blocked?.has(chatId)) {
          counts.forbidden++;
          return answer(403, apiError('chat.denied', 'chat.denied: dialog is suspended'));
        }
        const now = Date.now();
        while (window.length > 0 && window[0] <= now - 1000) window.shift();
        if (options.perSecond && window.length >= options.perSecond) return tooMany();
        const last = lastPerChat.get(chatId);
        if (options.perChatGapMs && last !== undefined && now - last < options.perChatGapMs) return tooMany();
        window.push(now);
        lastPerChat.set(chatId, now);
        const made = newMessage({ chatId, byUser }, body);
        const buttons = buttonsOf(body.attachments);
        accepted.push({
          chatId,
          ...(byUser && { byUser }),
          text,
          ...(typeof body.format === 'string' && { format: body.format }),
          buttons,
          attachments: Array.isArray(body.attachments) ? body.attachments : [],
          mid: made.mid,
          at: now,
        });
        shownButtons.set(chatId, buttons);
        return answer(200, { message: made.json });
      }

      if (route === 'PUT /messages') {
        const mid = query.message_id ?? '';
        const chatId = chatOfMid.get(mid) ?? '';
        const buttons = buttonsOf(body.attachments);
        edits.push({ mid, chatId, text: String(body.text ?? ''), buttons, at: Date.now() });
        if (chatId) shownButtons.set(chatId, buttons);
        return answer(200, { success: true });
      }

      if (route === 'POST /answers') {
        const callbackId = query.callback_id ?? '';
        const message = body.message as { text?: string; attachments?: unknown } | undefined;
        const shown = message
          ? { text: String(message.text ?? ''), buttons: buttonsOf(message.attachments) }
          : undefined;
        answers.push({
          callbackId,
          ...(typeof body.notification === 'string' && { notification: body.notification }),
          ...(shown && { message: shown }),
          at: Date.now(),
        });
        // An answer with a message replaces the message whose button was pressed.
        const chatId = chatOfMid.get(midOfCallback.get(callbackId) ?? '');
        if (shown && chatId) shownButtons.set(chatId, shown.buttons);
        return answer(200, { success: true });
      }

      if (route === 'GET /subscriptions')
        return answer(200, { subscriptions: subscriptions.map(({ secret: _secret, ...s }) => s) });
      if (route === 'POST /subscriptions') {
        const subscription: TMaxSubscription = {
          url: String(body.url ?? ''),
          time: Date.now(),
          ...(Array.isArray(body.update_types) && { update_types: body.update_types.map(String) }),
          ...(typeof body.version === 'string' && { version: body.version }),
          ...(typeof body.secret === 'string' && { secret: body.secret }),
        };
        if (!subscription.url.startsWith('https://'))
          return answer(400, apiError('proto.payload', 'url: must be an https URL'));
        const at = subscriptions.findIndex((s) => s.url === subscription.url);
        if (at >= 0) subscriptions.splice(at, 1);
        subscriptions.push(subscription);
        return answer(200, { success: true });
      }
      if (route === 'DELETE /subscriptions') {
        const at = subscriptions.findIndex((s) => s.url === query.url);
        if (at >= 0) subscriptions.splice(at, 1);
        return answer(200, { success: true });
      }

      if (route === 'POST /uploads') {
        const id = randomBytes(6).toString('hex');
        const made = { type: query.type ?? 'file', url: `${baseUrl}/upload/${id}`, bytes: 0, token: `upload-${id}` };
        uploads.push(made);
        // Images get their token from the upload itself; the other types get it here, as on MAX.
        return answer(200, made.type === 'image' ? { url: made.url } : { url: made.url, token: made.token });
      }

      if (isPoll) {
        const from = query.marker ? Number(query.marker) : delivered;
        const limit = Math.min(Number(query.limit ?? 100) || 100, 1000);
        const types = query.types ? query.types.split(',') : undefined;
        const seconds = query.timeout !== undefined ? Number(query.timeout) : DEFAULT_POLL_SECONDS;
        const ready = () => queue.some((q) => q.marker >= from);
        if (ready() || seconds <= 0) return answer(200, takeUpdates(from, limit, types));
        // Wait for a push, the timeout, the client going away or close(), whichever comes first.
        const done = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          res.off('close', done);
        };
        const wake = () => {
          done();
          answer(200, takeUpdates(from, limit, types));
        };
        const timer = setTimeout(wake, seconds * 1000);
        waiters.set(wake, from);
        res.on('close', done);
        return;
      }

      // Other calls (typing actions, commands, deletions) succeed; an unknown read is not found.
      if (call.method !== 'GET') return answer(200, { success: true });
      answer(404, apiError('not.found', `Path ${call.path} is not recognized`));
    });
  });
  // Longer than a client keeps an idle socket: a send never meets a connection being closed.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    apiBaseUrl: baseUrl,
    token,
    calls,
    accepted,
    edits,
    answers,
    subscriptions,
    uploads,
    counts,
    push(update) {
      noteUpdate(update);
      const marker = nextMarker++;
      queue.push({ marker, update });
      for (const [wake, from] of [...waiters]) if (marker >= from) wake();
    },
    seen: noteUpdate,
    lastButtons: (chatId) => shownButtons.get(String(chatId)) ?? [],
    sentTo: (chatId) => accepted.filter((m) => m.chatId === String(chatId)),
    inFlight: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        // Waiting long polls are answered empty, so neither their timers nor their sockets hold the process.
        for (const wake of [...waiters.keys()]) wake();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
