import fc from 'fast-check';
import { signJournalBody } from '../../webhooks/journal-signature';
import { STUB_VK_GROUP_ID } from '../helpers/platform-stub';

// Hostile requests for every public route, shared by the jest suite (test/hostile) and the
// report `npm run audit:input`. Each case is one HTTP request; the server must answer it with a
// 4xx or a polite 2xx, never a 5xx, never crash, and change no row.

export const HOSTILE_ENV = {
  TELEGRAM_BOT_TOKEN: '7000000001:hostile-token',
  TELEGRAM_WEBHOOK_SECRET: 'hostile-telegram-secret',
  VK_GROUP_TOKEN: 'hostile-vk-token',
  VK_GROUP_ID: String(STUB_VK_GROUP_ID),
  VK_CALLBACK_SECRET: 'hostile-vk-secret',
  VK_CONFIRMATION: 'c0nf1rm',
  MAX_BOT_TOKEN: 'hostile-max-token',
  MAX_WEBHOOK_SECRET: 'hostile-max-secret',
  // Never MAX itself: the suite and audit:input put their MAX stub's address here; this one refuses.
  MAX_API_BASE_URL: 'http://127.0.0.1:9',
  ALICE_SKILL_ID: 'hostile-alice-skill',
  ALICE_OAUTH_CLIENT_ID: 'yandex-dialogs',
  ALICE_OAUTH_CLIENT_SECRET: 'hostile-oauth-secret-0123456789',
  ALEXA_SKILL_ID: 'amzn1.ask.skill.hostile',
  ALEXA_VERIFY_SIGNATURE: 'true',
  JOURNAL_WEBHOOK_SECRET: 'hostile-journal-secret-0123456789',
  PUBLIC_URL: 'https://dnevnik.invalid',
};

export interface THostileCase {
  route: string;
  name: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  contentType?: string;
  /** Where the answer is known exactly (a refused secret, an oversized body), the statuses allowed. */
  expect?: number[];
}

/** Texts people (and attackers) send: SQL, HTML, markup of each platform, control and bidi characters, huge words. */
const NASTY_TEXTS = [
  '\'; DROP TABLE "Grade"; --',
  "оценки' OR '1'='1",
  '<script>alert(1)</script>',
  '<b>жирный</b> <a href="javascript:alert(1)">x</a>',
  '*_`[ссылка](http://evil)`_*',
  '+ударение <[500]> sil <[300]>',
  '\u0000\u0001\u0002',
  'оценки\u0000сегодня',
  '/start 4815\u000026047391',
  '\uD800',
  'оценки \uDC00 сегодня \uDBFF',
  '\u202eоценки\u202c',
  '𝕠𝕔𝕖𝕟𝕜𝕚 😀👩‍👩‍👧‍👦',
  'a'.repeat(5000),
  '/start ' + 'A'.repeat(300),
  '/link 0000 0000 0000',
  '${process.exit()}',
  '{{7*7}}',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '',
  ' ',
];

/** Data that looks like our buttons' but names an impossible day or holds what the database refuses. */
const FORGED_BUTTON_DATA = [
  'm:g:9999-99-99:a',
  'm:h:2026-02-30:0',
  'm:s:0000-00-00:a',
  'm:g:2026-12-0\u0000:a',
  's:open:\uD800',
  'c:y:\u0000:481526047391',
  '\uD800',
  'c:r:\uDC00',
];

/** Bodies that are not what any route expects. */
function malformedBodies(valid: string): { name: string; body: string }[] {
  return [
    { name: 'not JSON', body: 'this is not json' },
    { name: 'truncated JSON', body: valid.slice(0, Math.floor(valid.length / 2)) },
    { name: 'empty body', body: '' },
    { name: 'JSON null', body: 'null' },
    { name: 'JSON array', body: '[]' },
    { name: 'JSON number', body: '42' },
    { name: 'JSON string', body: '"hello"' },
    { name: 'deeply nested arrays', body: `${'['.repeat(50_000)}${']'.repeat(50_000)}` },
    { name: 'deeply nested objects', body: `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}` },
    { name: '10 MB body', body: JSON.stringify({ pad: 'x'.repeat(10 * 1024 * 1024) }) },
    { name: 'invalid UTF-8 escapes', body: '{"a":"\\ud800\\udc00\\ud800"}' },
    {
      name: 'prototype pollution',
      body: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    },
  ];
}

/** Bodies over 1 MiB are refused before anything reads them. */
const oversized = (name: string) => (name === '10 MB body' ? [413] : undefined);

function junkStrings(count: number, seed: number): string[] {
  const arb = fc.oneof(
    fc.constantFrom(...NASTY_TEXTS),
    fc.string({ maxLength: 64, unit: 'binary' }),
    fc.string({ maxLength: 300, unit: 'grapheme' }),
    fc.string({ maxLength: 20 }),
  );
  return fc.sample(arb, { numRuns: count, seed });
}

/** Random JSON values of any shape, for fields that expect something specific. */
function junkValues(count: number, seed: number): unknown[] {
  return fc.sample(fc.jsonValue({ maxDepth: 4 }), { numRuns: count, seed });
}

// ───────────── per route ─────────────

// Fresh update ids each run: Telegram updates are remembered (in Redis) for a day, and a remembered one is only acknowledged.
let updateId = (Math.floor(Date.now() / 1000) % 1_000_000) * 1000;
function telegramUpdate(text: unknown, chatId: number, extra: Record<string, unknown> = {}) {
  const chat = { id: chatId, type: 'private', first_name: 'Гость' };
  return {
    update_id: ++updateId,
    message: {
      message_id: updateId,
      date: 1764921600,
      chat,
      from: { id: chatId, is_bot: false, first_name: 'Гость', language_code: 'ru' },
      text,
      ...extra,
    },
  };
}

function telegramCases(n: number, seed: number): THostileCase[] {
  const path = '/webhooks/telegram';
  const ok = { 'x-telegram-bot-api-secret-token': HOSTILE_ENV.TELEGRAM_WEBHOOK_SECRET };
  const valid = JSON.stringify(telegramUpdate('оценки сегодня', 555_000_001));
  const cases: THostileCase[] = [
    { route: 'telegram', name: 'missing secret header', path, headers: {}, body: valid, expect: [401] },
    {
      route: 'telegram',
      name: 'wrong secret header',
      path,
      headers: { 'x-telegram-bot-api-secret-token': 'guess' },
      body: valid,
      expect: [401],
    },
    ...malformedBodies(valid).map((m) => ({
      route: 'telegram',
      name: m.name,
      path,
      headers: ok,
      body: m.body,
      expect: oversized(m.name),
    })),
    {
      route: 'telegram',
      name: 'wrong types: update_id',
      path,
      headers: ok,
      body: JSON.stringify({ update_id: 'x', message: 5 }),
    },
    {
      route: 'telegram',
      name: 'wrong types: chat id',
      path,
      headers: ok,
      body: JSON.stringify({
        update_id: ++updateId,
        message: { message_id: 1, date: 1, chat: { id: {}, type: 'private' }, text: 'hi' },
      }),
    },
    { route: 'telegram', name: 'replayed update', path, headers: ok, body: valid },
    { route: 'telegram', name: 'replayed update (again)', path, headers: ok, body: valid },
  ];
  junkStrings(n, seed).forEach((text, i) => {
    cases.push({
      route: 'telegram',
      name: `junk message #${i}`,
      path,
      headers: ok,
      body: JSON.stringify(telegramUpdate(text, 555_100_000 + i)),
    });
  });
  junkStrings(Math.ceil(n / 4), seed + 1).forEach((data, i) => {
    const from = { id: 555_200_000 + i, is_bot: false, first_name: 'Гость' };
    const update = {
      update_id: ++updateId,
      callback_query: {
        id: `cb${i}`,
        chat_instance: '1',
        from,
        message: { message_id: 1, date: 1, chat: { id: from.id, type: 'private' }, text: '…' },
        data: data.slice(0, 64),
      },
    };
    cases.push({ route: 'telegram', name: `junk button #${i}`, path, headers: ok, body: JSON.stringify(update) });
  });
  FORGED_BUTTON_DATA.forEach((data, i) => {
    const from = { id: 555_250_000 + i, is_bot: false, first_name: 'Гость' };
    const update = {
      update_id: ++updateId,
      callback_query: {
        id: `fb${i}`,
        chat_instance: '1',
        from,
        message: { message_id: 1, date: 1, chat: { id: from.id, type: 'private' }, text: '…' },
        data,
      },
    };
    cases.push({ route: 'telegram', name: `forged button #${i}`, path, headers: ok, body: JSON.stringify(update) });
  });
  junkValues(Math.ceil(n / 4), seed + 2).forEach((value, i) => {
    cases.push({
      route: 'telegram',
      name: `junk-typed update #${i}`,
      path,
      headers: ok,
      body: JSON.stringify({ update_id: ++updateId, message: value }),
    });
  });
  junkStrings(Math.ceil(n / 8), seed + 3).forEach((text, i) => {
    const group = {
      update_id: ++updateId,
      message: {
        message_id: 1,
        date: 1,
        chat: { id: -1001000000000 - i, type: 'supergroup', title: 'Родители' },
        from: { id: 555_300_000 + i, is_bot: false, first_name: 'Гость' },
        text,
      },
    };
    cases.push({ route: 'telegram', name: `junk group message #${i}`, path, headers: ok, body: JSON.stringify(group) });
  });
  return cases;
}

let vkEvent = 0;
/** `secret: null` leaves the field out. */
function vkMessage(text: unknown, peer: number, secret: string | null = HOSTILE_ENV.VK_CALLBACK_SECRET) {
  return {
    group_id: STUB_VK_GROUP_ID,
    type: 'message_new',
    event_id: `hostile-${++vkEvent}-${Math.random().toString(36).slice(2)}`,
    v: '5.199',
    object: {
      message: {
        date: 1764921600,
        from_id: peer,
        id: vkEvent,
        out: 0,
        peer_id: peer,
        text,
        conversation_message_id: vkEvent,
        attachments: [],
      },
      client_info: { button_actions: ['text', 'callback'], keyboard: true, inline_keyboard: true, lang_id: 0 },
    },
    ...(secret === null ? {} : { secret }),
  };
}

function vkCases(n: number, seed: number): THostileCase[] {
  const path = '/webhooks/vk';
  const valid = JSON.stringify(vkMessage('оценки сегодня', 777_000_001));
  const cases: THostileCase[] = [
    {
      route: 'vk',
      name: 'missing secret',
      path,
      headers: {},
      body: JSON.stringify(vkMessage('оценки', 777_000_002, null)),
      expect: [403],
    },
    {
      route: 'vk',
      name: 'wrong secret',
      path,
      headers: {},
      body: JSON.stringify(vkMessage('оценки', 777_000_003, 'guess')),
      expect: [403],
    },
    {
      route: 'vk',
      name: 'another community',
      path,
      headers: {},
      body: JSON.stringify({ ...vkMessage('оценки', 777_000_004), group_id: 1 }),
      expect: [403],
    },
    {
      route: 'vk',
      name: 'confirmation for another community',
      path,
      headers: {},
      body: JSON.stringify({ type: 'confirmation', group_id: 1 }),
    },
    ...malformedBodies(valid).map((m) => ({
      route: 'vk',
      name: m.name,
      path,
      headers: {},
      body: m.body,
      expect: oversized(m.name),
    })),
    {
      route: 'vk',
      name: 'wrong types: object',
      path,
      headers: {},
      body: JSON.stringify({ ...vkMessage('x', 777_000_005), object: 5 }),
    },
    {
      route: 'vk',
      name: 'wrong types: peer_id',
      path,
      headers: {},
      body: JSON.stringify(vkMessage('x', 'abc' as unknown as number)),
    },
    { route: 'vk', name: 'replayed event', path, headers: {}, body: valid },
    { route: 'vk', name: 'replayed event (again)', path, headers: {}, body: valid },
  ];
  junkStrings(n, seed).forEach((text, i) =>
    cases.push({
      route: 'vk',
      name: `junk message #${i}`,
      path,
      headers: {},
      body: JSON.stringify(vkMessage(text, 777_100_000 + i)),
    }),
  );
  junkValues(Math.ceil(n / 4), seed + 1).forEach((payload, i) => {
    const event = {
      group_id: STUB_VK_GROUP_ID,
      type: 'message_event',
      event_id: `hostile-ev-${++vkEvent}`,
      v: '5.199',
      object: {
        user_id: 777_200_000 + i,
        peer_id: 777_200_000 + i,
        event_id: `e${i}`,
        payload,
        conversation_message_id: 1,
      },
      secret: HOSTILE_ENV.VK_CALLBACK_SECRET,
    };
    cases.push({ route: 'vk', name: `junk button payload #${i}`, path, headers: {}, body: JSON.stringify(event) });
  });
  FORGED_BUTTON_DATA.forEach((data, i) => {
    const peer = 777_250_000 + i;
    const event = {
      group_id: STUB_VK_GROUP_ID,
      type: 'message_event',
      event_id: `hostile-fb-${++vkEvent}`,
      v: '5.199',
      object: {
        user_id: peer,
        peer_id: peer,
        event_id: `fb${i}`,
        payload: { a: data, l: 'ru' },
        conversation_message_id: 1,
      },
      secret: HOSTILE_ENV.VK_CALLBACK_SECRET,
    };
    cases.push({ route: 'vk', name: `forged button payload #${i}`, path, headers: {}, body: JSON.stringify(event) });
    const typed = vkMessage('…', peer + 100);
    (typed.object.message as Record<string, unknown>).payload = JSON.stringify({ a: data, l: 'ru' });
    cases.push({ route: 'vk', name: `forged keyboard payload #${i}`, path, headers: {}, body: JSON.stringify(typed) });
  });
  junkStrings(Math.ceil(n / 8), seed + 2).forEach((text, i) =>
    cases.push({
      route: 'vk',
      name: `junk conversation message #${i}`,
      path,
      headers: {},
      body: JSON.stringify(vkMessage(text, 2_000_000_001 + i)),
    }),
  );
  return cases;
}

let maxUpdate = 0;
const maxOk = { 'x-max-bot-api-secret': HOSTILE_ENV.MAX_WEBHOOK_SECRET };
const maxUser = (id: number) => ({ user_id: id, name: 'Гость', first_name: 'Гость', is_bot: false });

/** A message_created as MAX sends it; a negative chat id is a group chat ("chat"). MAX gives no update id: each mid is new. */
function maxMessage(text: unknown, chatId: unknown, userId = 888_000_000) {
  const at = 1_796_540_000_000 + ++maxUpdate;
  return {
    update_type: 'message_created',
    timestamp: at,
    user_locale: 'ru',
    message: {
      sender: maxUser(userId),
      recipient: { chat_id: chatId, chat_type: typeof chatId === 'number' && chatId < 0 ? 'chat' : 'dialog' },
      timestamp: at,
      body: { mid: `mid.hostile-${maxUpdate}-${Math.random().toString(36).slice(2)}`, seq: maxUpdate, text },
    },
  };
}

function maxCallback(payload: unknown, chatId: number) {
  const at = 1_796_540_000_000 + ++maxUpdate;
  return {
    update_type: 'message_callback',
    timestamp: at,
    user_locale: 'ru',
    callback: { timestamp: at, callback_id: `cb-hostile-${maxUpdate}`, payload, user: maxUser(chatId) },
    message: {
      recipient: { chat_id: chatId, chat_type: 'dialog' },
      timestamp: at,
      body: { mid: 'mid.hostile-menu', text: '…' },
    },
  };
}

function maxStarted(payload: unknown, chatId: unknown) {
  return {
    update_type: 'bot_started',
    timestamp: 1_796_540_000_000 + ++maxUpdate,
    chat_id: chatId,
    user: maxUser(888_000_001),
    payload,
    user_locale: 'ru',
  };
}

function maxCases(n: number, seed: number): THostileCase[] {
  const path = '/webhooks/max';
  const valid = JSON.stringify(maxMessage('оценки сегодня', 888_000_001));
  const cases: THostileCase[] = [
    { route: 'max', name: 'missing secret header', path, headers: {}, body: valid, expect: [401] },
    {
      route: 'max',
      name: 'wrong secret header',
      path,
      headers: { 'x-max-bot-api-secret': 'guess' },
      body: valid,
      expect: [401],
    },
    ...malformedBodies(valid).map((m) => ({
      route: 'max',
      name: m.name,
      path,
      headers: maxOk,
      body: m.body,
      expect: oversized(m.name),
    })),
    {
      route: 'max',
      name: 'wrong types: message',
      path,
      headers: maxOk,
      body: JSON.stringify({ ...maxMessage('x', 1), message: 5 }),
    },
    { route: 'max', name: 'wrong types: chat_id', path, headers: maxOk, body: JSON.stringify(maxMessage('x', 'abc')) },
    { route: 'max', name: 'huge chat_id', path, headers: maxOk, body: JSON.stringify(maxMessage('оценки', 1e300)) },
    { route: 'max', name: 'unsafe chat_id', path, headers: maxOk, body: JSON.stringify(maxStarted(null, 2 ** 53 + 1)) },
    {
      route: 'max',
      name: 'ignored type',
      path,
      headers: maxOk,
      body: JSON.stringify({ ...maxMessage('x', 888_000_002), update_type: 'message_edited' }),
    },
    {
      route: 'max',
      name: 'no update_type',
      path,
      headers: maxOk,
      body: JSON.stringify({ timestamp: 1 }),
      expect: [400],
    },
    { route: 'max', name: 'replayed update', path, headers: maxOk, body: valid },
    { route: 'max', name: 'replayed update (again)', path, headers: maxOk, body: valid },
  ];
  junkStrings(n, seed).forEach((text, i) =>
    cases.push({
      route: 'max',
      name: `junk message #${i}`,
      path,
      headers: maxOk,
      body: JSON.stringify(maxMessage(text, 888_100_000 + i)),
    }),
  );
  junkStrings(Math.ceil(n / 4), seed + 1).forEach((payload, i) =>
    cases.push({
      route: 'max',
      name: `junk button #${i}`,
      path,
      headers: maxOk,
      body: JSON.stringify(maxCallback(payload, 888_200_000 + i)),
    }),
  );
  FORGED_BUTTON_DATA.forEach((data, i) =>
    cases.push({
      route: 'max',
      name: `forged button #${i}`,
      path,
      headers: maxOk,
      body: JSON.stringify(maxCallback(data, 888_250_000 + i)),
    }),
  );
  // Start payloads: junk, over MAX's 128 characters, a code with a NUL in it.
  [...junkStrings(Math.ceil(n / 4), seed + 2), 'A'.repeat(129), '4815\u000026047391', '111122223333'].forEach(
    (payload, i) =>
      cases.push({
        route: 'max',
        name: `junk start payload #${i}`,
        path,
        headers: maxOk,
        body: JSON.stringify(maxStarted(payload, 888_300_000 + i)),
      }),
  );
  junkValues(Math.ceil(n / 4), seed + 3).forEach((value, i) =>
    cases.push({
      route: 'max',
      name: `junk-typed update #${i}`,
      path,
      headers: maxOk,
      body: JSON.stringify({ ...maxMessage('x', 888_400_000 + i), message: value }),
    }),
  );
  junkStrings(Math.ceil(n / 8), seed + 4).forEach((text, i) =>
    cases.push({
      route: 'max',
      name: `junk group message #${i}`,
      path,
      headers: maxOk,
      body: JSON.stringify(maxMessage(text, -70_000_000_000 - i)),
    }),
  );
  return cases;
}

function aliceBody(
  command: unknown,
  extra: { skillId?: string; state?: unknown; entities?: unknown; userId?: string | null; applicationId?: string } = {},
) {
  // userId null: a person not signed in to Yandex, known by the application id alone.
  const user = extra.userId === null ? {} : { user: { user_id: extra.userId ?? 'hostile-user' } };
  return {
    meta: { locale: 'ru-RU', timezone: 'Europe/Moscow', client_id: 'hostile', interfaces: { screen: {} } },
    session: {
      message_id: 1,
      session_id: 'hostile',
      skill_id: extra.skillId ?? HOSTILE_ENV.ALICE_SKILL_ID,
      ...user,
      application: { application_id: extra.applicationId ?? 'hostile-app' },
      new: false,
    },
    request: {
      command,
      original_utterance: command,
      type: 'SimpleUtterance',
      markup: { dangerous_context: false },
      nlu: { tokens: [], entities: extra.entities ?? [], intents: {} },
    },
    state: { session: extra.state ?? {}, user: {}, application: {} },
    version: '1.0',
  };
}

/** A forged Alice request whose command is ~900 kB, the most a body under 1 MiB can carry. */
export function hugeAliceCommand(): ReturnType<typeof aliceBody> {
  const body = aliceBody('оценки за сегодня '.repeat(27_000));
  body.request.original_utterance = 'оценки за сегодня';
  return body;
}

function aliceCases(n: number, seed: number): THostileCase[] {
  const path = '/webhooks/alice';
  const valid = JSON.stringify(aliceBody('оценки сегодня'));
  const cases: THostileCase[] = [
    {
      route: 'alice',
      name: 'another skill_id',
      path,
      headers: {},
      body: JSON.stringify(aliceBody('оценки', { skillId: 'not-ours' })),
      expect: [403],
    },
    ...malformedBodies(valid).map((m) => ({
      route: 'alice',
      name: m.name,
      path,
      headers: {},
      body: m.body,
      expect: oversized(m.name) ?? [400],
    })),
    { route: 'alice', name: 'wrong types: command', path, headers: {}, body: JSON.stringify(aliceBody({ a: 1 })) },
    { route: 'alice', name: 'replayed request', path, headers: {}, body: valid },
    // Ids the database would refuse (NUL) or change (a lone surrogate): refused as malformed.
    ...['hostile\u0000user', '\uD800', 'hostile-\uDC00'].map((userId, i) => ({
      route: 'alice',
      name: `unprintable user id #${i}`,
      path,
      headers: {},
      body: JSON.stringify(aliceBody('оценки', { userId })),
      expect: [400],
    })),
    ...['hostile\u0000app', '\uDBFF'].map((applicationId, i) => ({
      route: 'alice',
      name: `unprintable application id #${i}`,
      path,
      headers: {},
      body: JSON.stringify(aliceBody('оценки', { userId: null, applicationId })),
      expect: [400],
    })),
    // A forged command of nearly the whole 1 MiB body: cut to Yandex's 1,024 characters before any parsing.
    {
      route: 'alice',
      name: '900 kB command',
      path,
      headers: {},
      body: JSON.stringify(hugeAliceCommand()),
      expect: [200],
    },
  ];
  // Session state is Alice's echo of what we sent, but anyone can forge it: impossible days, junk in the pending code.
  const forgedStates = [
    { last: { intent: 'grades', date: '9999-99-99', dateTo: null, subject: null, child: null } },
    { last: { intent: 'homework', date: '2026-02-30', dateTo: '2026-13-45', subject: 'Математика', child: null } },
    { last: { intent: 'schedule', date: '0000-00-00', dateTo: null, subject: 'Мат\u0000ематика', child: '\uD800' } },
    { pending: { code: '4815\u00002604739' } },
  ];
  forgedStates.forEach((state, i) =>
    cases.push({
      route: 'alice',
      name: `forged session state #${i}`,
      path,
      headers: {},
      body: JSON.stringify(aliceBody('а по физике', { state })),
    }),
  );
  junkStrings(n, seed).forEach((text, i) =>
    cases.push({
      route: 'alice',
      name: `junk command #${i}`,
      path,
      headers: {},
      body: JSON.stringify(aliceBody(text, { userId: `hostile-${i}` })),
    }),
  );
  junkValues(Math.ceil(n / 4), seed + 1).forEach((state, i) =>
    cases.push({
      route: 'alice',
      name: `junk session state #${i}`,
      path,
      headers: {},
      body: JSON.stringify(aliceBody('а по физике', { state })),
    }),
  );
  junkValues(Math.ceil(n / 4), seed + 2).forEach((value, i) => {
    const entities = [{ type: i % 2 ? 'YANDEX.DATETIME' : 'YANDEX.FIO', tokens: { start: 0, end: 1 }, value }];
    cases.push({
      route: 'alice',
      name: `junk entity #${i}`,
      path,
      headers: {},
      body: JSON.stringify(aliceBody('оценки', { entities })),
    });
  });
  return cases;
}

function alexaCases(n: number, seed: number): THostileCase[] {
  const path = '/webhooks/alexa';
  const envelope = (text: unknown) => ({
    version: '1.0',
    session: {
      new: false,
      sessionId: 's',
      application: { applicationId: HOSTILE_ENV.ALEXA_SKILL_ID },
      user: { userId: 'amzn1.ask.account.HOSTILE' },
      attributes: {},
    },
    context: {
      System: {
        application: { applicationId: HOSTILE_ENV.ALEXA_SKILL_ID },
        user: { userId: 'amzn1.ask.account.HOSTILE' },
        device: { deviceId: 'd', supportedInterfaces: {} },
        apiEndpoint: 'https://api.amazonalexa.com',
      },
    },
    request: {
      type: 'IntentRequest',
      requestId: 'r',
      timestamp: new Date().toISOString(),
      locale: 'en-US',
      intent: { name: 'GradesIntent', confirmationStatus: 'NONE', slots: { child: { name: 'child', value: text } } },
    },
  });
  const valid = JSON.stringify(envelope('Masha'));
  const cases: THostileCase[] = [
    { route: 'alexa', name: 'unsigned', path, headers: {}, body: valid, expect: [400] },
    {
      route: 'alexa',
      name: 'certificate off Amazon',
      path,
      headers: { SignatureCertChainUrl: 'https://evil.example/echo.api/cert.pem', 'Signature-256': 'AAAA' },
      body: valid,
    },
    {
      route: 'alexa',
      name: 'certificate over http',
      path,
      headers: { SignatureCertChainUrl: 'http://s3.amazonaws.com/echo.api/cert.pem', 'Signature-256': 'AAAA' },
      body: valid,
    },
    // The adapter reads at most 100 kB itself: the larger nested bodies are refused as too large.
    ...malformedBodies(valid).map((m) => ({
      route: 'alexa',
      name: m.name,
      path,
      headers: {},
      body: m.body,
      expect: oversized(m.name) ?? [400, 413],
    })),
  ];
  junkStrings(n, seed).forEach((text, i) =>
    cases.push({ route: 'alexa', name: `junk slot #${i}`, path, headers: {}, body: JSON.stringify(envelope(text)) }),
  );
  return cases;
}

type TJournalEvent = { id: string; type: string; occurredAt: string; data: Record<string, unknown> };

/** One valid batch: a school and one of everything in it, each event type once, every optional text set. */
export function completeJournalBatch(prefix: string): TJournalEvent[] {
  const at = '2026-12-01T09:00:00+03:00';
  const [school, teacher, cls, subject, student, lesson, homework, grade] = [
    '',
    '-t',
    '-c',
    '-s',
    '-st',
    '-l',
    '-h',
    '-g',
  ].map((s) => `${prefix}${s}`);
  const events: [string, Record<string, unknown>][] = [
    ['school.upserted', { schoolId: school, name: 'Школа № 1', timezone: 'Europe/Moscow' }],
    [
      'teacher.upserted',
      { schoolId: school, teacherId: teacher, lastName: 'Петрова', firstName: 'Анна', middleName: 'Ивановна' },
    ],
    ['class.upserted', { schoolId: school, classId: cls, name: '5А', homeroomTeacherId: teacher }],
    ['subject.upserted', { schoolId: school, subjectId: subject, name: 'Математика' }],
    [
      'student.upserted',
      {
        schoolId: school,
        studentId: student,
        classId: cls,
        lastName: 'Иванова',
        firstName: 'Маша',
        middleName: 'Петровна',
      },
    ],
    [
      'lesson.upserted',
      {
        lessonId: lesson,
        classId: cls,
        subjectId: subject,
        teacherId: teacher,
        date: '2026-12-01',
        start: '08:30',
        end: '09:15',
        room: '204',
        topic: 'Дроби',
        onlineUrl: 'https://example.org/lesson',
      },
    ],
    [
      'homework.upserted',
      {
        homeworkId: homework,
        classId: cls,
        subjectId: subject,
        dueDate: '2026-12-02',
        text: '№ 5 на с. 12',
        lessonId: lesson,
      },
    ],
    [
      'grade.upserted',
      {
        gradeId: grade,
        studentId: student,
        subjectId: subject,
        date: '2026-12-01',
        value: '5',
        lessonId: lesson,
        workType: 'Контрольная работа',
        comment: 'Молодец',
      },
    ],
    ['attendance.marked', { lessonId: lesson, studentId: student, status: 'late', reason: 'Автобус' }],
    [
      'canteen.transaction',
      {
        transactionId: `${prefix}-tx`,
        studentId: student,
        amountKopecks: -15000,
        balanceKopecks: 50000,
        at,
        description: 'Обед',
      },
    ],
    [
      'period.upserted',
      {
        schoolId: school,
        periodId: `${prefix}-p`,
        name: '2 четверть',
        kind: 'quarter',
        start: '2026-11-05',
        end: '2026-12-28',
      },
    ],
    [
      'final_grade.upserted',
      {
        finalGradeId: `${prefix}-fg`,
        studentId: student,
        subjectId: subject,
        periodId: `${prefix}-p`,
        value: '5',
        comment: 'Молодец',
      },
    ],
    ['grade.deleted', { gradeId: grade }],
    ['homework.deleted', { homeworkId: homework }],
    ['lesson.deleted', { lessonId: lesson }],
    ['final_grade.deleted', { finalGradeId: `${prefix}-fg` }],
    ['period.deleted', { periodId: `${prefix}-p` }],
  ];
  return events.map(([type, data], i) => ({ id: `${prefix}-e${i}`, type, occurredAt: at, data }));
}

/** The characters no text field may carry: NUL (PostgreSQL refuses it) and lone surrogates (no UTF-8 form). */
export const UNPRINTABLE = [
  { name: 'NUL', text: '\u0000' },
  { name: 'lone high surrogate', text: '\uD800' },
  { name: 'lone low surrogate', text: '\uDC00' },
];

/**
 * The complete batch once per string field of every event (the envelope's id and time included),
 * that field alone holding `bad` in its middle: every such batch must be refused whole (422).
 */
export function poisonedJournalBatches(
  prefix: string,
  bad: string,
): { index: number; field: string; events: TJournalEvent[] }[] {
  const out: { index: number; field: string; events: TJournalEvent[] }[] = [];
  const poison = (value: string) =>
    `${value.slice(0, Math.floor(value.length / 2))}${bad}${value.slice(Math.floor(value.length / 2))}`;
  completeJournalBatch(prefix).forEach((event, index) => {
    for (const field of ['id', 'occurredAt']) {
      const events = completeJournalBatch(prefix);
      Object.assign(events[index], { [field]: poison(event[field as 'id' | 'occurredAt']) });
      out.push({ index, field, events });
    }
    for (const [key, value] of Object.entries(event.data)) {
      if (typeof value !== 'string') continue;
      const events = completeJournalBatch(prefix);
      events[index].data[key] = poison(value);
      out.push({ index, field: `data.${key}`, events });
    }
  });
  return out;
}

function journalCases(n: number, seed: number): THostileCase[] {
  const path = '/webhooks/journal';
  const secret = HOSTILE_ENV.JOURNAL_WEBHOOK_SECRET;
  const signed = (body: string, at = Math.floor(Date.now() / 1000)) => ({
    'x-dnevnik-timestamp': String(at),
    'x-dnevnik-signature': signJournalBody(secret, String(at), body),
  });
  const event = (id: string, type: string, data: unknown) => ({
    id,
    type,
    occurredAt: '2026-12-01T09:00:00+03:00',
    data,
  });
  const valid = JSON.stringify({
    events: [event('h-1', 'school.upserted', { schoolId: 'hostile-school', name: 'Школа' })],
  });
  const cases: THostileCase[] = [
    { route: 'journal', name: 'unsigned', path, headers: {}, body: valid, expect: [401] },
    {
      route: 'journal',
      name: 'wrong signature',
      path,
      headers: {
        'x-dnevnik-timestamp': String(Math.floor(Date.now() / 1000)),
        'x-dnevnik-signature': `sha256=${'0'.repeat(64)}`,
      },
      body: valid,
      expect: [401],
    },
    {
      route: 'journal',
      name: 'old timestamp',
      path,
      headers: signed(valid, Math.floor(Date.now() / 1000) - 3600),
      body: valid,
      expect: [401],
    },
    {
      route: 'journal',
      name: 'signature of another body',
      path,
      headers: signed(valid.replace('Школа', 'Школа!')),
      body: valid,
      expect: [401],
    },
    ...malformedBodies(valid).map((m) => ({
      route: 'journal',
      name: `signed ${m.name}`,
      path,
      headers: signed(m.body),
      body: m.body,
      expect: m.name === '10 MB body' ? [413] : [400, 422],
    })),
    {
      route: 'journal',
      name: 'signed: no events',
      path,
      headers: signed('{"events":[]}'),
      body: '{"events":[]}',
      expect: [400, 422],
    },
    // A key id names a school's key: junk ones are refused before any signature is trusted (the operator's signature included).
    ...[
      '',
      'jk_',
      `jk_${'A'.repeat(12)}`,
      `jk_${'x'.repeat(5000)}`,
      "jk_' OR '1'='1",
      'jk_../../etc/passwd',
      '%00',
      'operator',
    ].map((keyId, i) => ({
      route: 'journal',
      name: `operator-signed with key id #${i}`,
      path,
      headers: { ...signed(valid), 'x-dnevnik-key-id': keyId },
      body: valid,
      expect: [401],
    })),
  ];
  // A whole batch is refused when one event is bad: SQL and HTML in the good one must not land either.
  junkStrings(n, seed).forEach((text, i) => {
    const body = JSON.stringify({
      events: [
        event(`h-sql-${i}`, 'school.upserted', { schoolId: `hostile-${i}`, name: text }),
        event(`h-bad-${i}`, 'student.upserted', {
          studentId: `x-${i}`,
          classId: 'no-such-class',
          lastName: text,
          firstName: text,
        }),
      ],
    });
    cases.push({
      route: 'journal',
      name: `signed half-bad batch #${i}`,
      path,
      headers: signed(body),
      body,
      expect: [422],
    });
  });
  // A whole valid batch but for one field holding NUL or a lone surrogate: 422, never the database's 500.
  for (const bad of UNPRINTABLE) {
    for (const poisoned of poisonedJournalBatches('hostile-text', bad.text)) {
      const body = JSON.stringify({ events: poisoned.events });
      cases.push({
        route: 'journal',
        name: `signed batch with ${bad.name} in ${poisoned.events[poisoned.index].type} ${poisoned.field}`,
        path,
        headers: signed(body),
        body,
        expect: [422],
      });
    }
  }
  junkValues(Math.ceil(n / 2), seed + 1).forEach((data, i) => {
    const body = JSON.stringify({ events: [event(`h-j-${i}`, i % 2 ? 'grade.upserted' : 'lesson.upserted', data)] });
    cases.push({
      route: 'journal',
      name: `signed junk-typed event #${i}`,
      path,
      headers: signed(body),
      body,
      expect: [400, 422],
    });
  });
  return cases;
}

function oauthCases(n: number, seed: number): THostileCase[] {
  const form = 'application/x-www-form-urlencoded';
  const cases: THostileCase[] = [];
  junkStrings(n, seed).forEach((text, i) => {
    const params = new URLSearchParams({
      grant_type: i % 2 ? 'authorization_code' : 'refresh_token',
      code: text,
      refresh_token: text,
      client_id: 'yandex-dialogs',
      client_secret: i % 3 ? text : HOSTILE_ENV.ALICE_OAUTH_CLIENT_SECRET,
    });
    cases.push({
      route: 'oauth',
      name: `junk token request #${i}`,
      path: '/oauth/token',
      headers: {},
      body: params.toString(),
      contentType: form,
    });
    const authorize = new URLSearchParams({
      response_type: 'code',
      client_id: i % 2 ? 'yandex-dialogs' : text,
      redirect_uri: 'https://social.yandex.net/broker/redirect',
      state: text,
      code: text,
      consent: 'yes',
    });
    cases.push({
      route: 'oauth',
      name: `junk sign-in #${i}`,
      path: '/oauth/authorize',
      headers: {},
      body: authorize.toString(),
      contentType: form,
    });
  });
  cases.push({
    route: 'oauth',
    name: 'token: 10 MB form',
    path: '/oauth/token',
    headers: {},
    body: `grant_type=${'x'.repeat(10 * 1024 * 1024)}`,
    contentType: form,
    expect: [413],
  });
  cases.push({
    route: 'oauth',
    name: 'token: malformed Basic',
    path: '/oauth/token',
    headers: { authorization: 'Basic %%%%' },
    body: 'grant_type=refresh_token',
    contentType: form,
    expect: [401],
  });
  // The sign-in form posted from another site, or without the CSRF token of a page we served: 403 before anything is read.
  const signIn = (extra: Record<string, string>) =>
    new URLSearchParams({
      response_type: 'code',
      client_id: 'yandex-dialogs',
      redirect_uri: 'https://social.yandex.net/broker/redirect',
      state: 's',
      code: '4815 2604 7391',
      consent: 'yes',
      ...extra,
    }).toString();
  const cookie = `dnevnik_oauth_form=${'A'.repeat(43)}`;
  cases.push({
    route: 'oauth',
    name: 'sign-in: foreign Origin',
    path: '/oauth/authorize',
    headers: { origin: 'https://evil.example', cookie },
    body: signIn({ csrf: '1.x' }),
    contentType: form,
    expect: [403],
  });
  cases.push({
    route: 'oauth',
    name: 'sign-in: Origin "null"',
    path: '/oauth/authorize',
    headers: { origin: 'null' },
    body: signIn({}),
    contentType: form,
    expect: [403],
  });
  cases.push({
    route: 'oauth',
    name: 'sign-in: no CSRF token',
    path: '/oauth/authorize',
    headers: { origin: HOSTILE_ENV.PUBLIC_URL, cookie },
    body: signIn({}),
    contentType: form,
    expect: [403],
  });
  cases.push({
    route: 'oauth',
    name: 'sign-in: forged CSRF token',
    path: '/oauth/authorize',
    headers: { origin: HOSTILE_ENV.PUBLIC_URL, cookie },
    body: signIn({ csrf: `${Math.floor(Date.now() / 1000)}.${'A'.repeat(43)}` }),
    contentType: form,
    expect: [403],
  });
  cases.push({
    route: 'oauth',
    name: 'token: junk code_verifier and redirect_uri',
    path: '/oauth/token',
    headers: {},
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: 'x',
      code_verifier: '~'.repeat(200),
      redirect_uri: 'javascript:alert(1)',
      client_id: 'yandex-dialogs',
      client_secret: HOSTILE_ENV.ALICE_OAUTH_CLIENT_SECRET,
    }).toString(),
    contentType: form,
    expect: [400],
  });
  return cases;
}

/**
 * Tables hostile input may change by design: a wrong link code (a junk "/link 0000 0000 0000")
 * is logged as a failed try, which is what brakes code guessing.
 */
export const BRAKE_TABLES = ['LinkAttempt'];

/** Every case for every route; `perRoute` sets how many generated junk inputs each route gets. */
export function hostileCases(perRoute: number, seed = 20261202): THostileCase[] {
  return [
    ...telegramCases(perRoute, seed),
    ...vkCases(perRoute, seed),
    ...maxCases(perRoute, seed),
    ...aliceCases(perRoute, seed),
    ...alexaCases(perRoute, seed),
    ...journalCases(perRoute, seed),
    ...oauthCases(Math.ceil(perRoute / 2), seed),
  ];
}
