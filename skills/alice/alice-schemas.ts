import { z } from 'zod';
import { printable } from '../../core/input';

// The Yandex Dialogs webhook protocol (yandex.ru/dev/dialogs/alice/doc/request.html and
// response.html), modelled as far as this skill reads or writes it. Unknown fields are allowed
// through: Yandex adds fields over time and an old skill must keep answering. The ids name a chat
// in the database, so NUL or a lone surrogate in one makes the request malformed (400).

/** A string that may reach the database: an id, or a name Yandex recognised. */
const ZAliceId = printable(z.string());

export const ALICE_TEXT_LIMIT = 1024;
export const ALICE_STATE_LIMIT = 1024;

export const ZAliceEntitySchema = z.object({
  type: z.string(),
  tokens: z.object({ start: z.number().int(), end: z.number().int() }),
  value: z.unknown(),
});
export type TAliceEntity = z.infer<typeof ZAliceEntitySchema>;

/** YANDEX.DATETIME: absolute parts, or relative ones with the *_is_relative flags. */
export const ZAliceDateTimeSchema = z.object({
  year: z.number().int().optional(),
  year_is_relative: z.boolean().optional(),
  month: z.number().int().optional(),
  month_is_relative: z.boolean().optional(),
  day: z.number().int().optional(),
  day_is_relative: z.boolean().optional(),
  hour: z.number().int().optional(),
  minute: z.number().int().optional(),
});
export type TAliceDateTime = z.infer<typeof ZAliceDateTimeSchema>;

/** YANDEX.FIO: lower-case nominative parts of a name. */
export const ZAliceFioSchema = z.object({
  first_name: ZAliceId.optional(),
  patronymic_name: ZAliceId.optional(),
  last_name: ZAliceId.optional(),
});

export const ZAliceRequestSchema = z.object({
  meta: z.object({
    locale: z.string().default('ru-RU'),
    timezone: z.string().optional(),
    client_id: z.string().optional(),
    interfaces: z
      .object({ screen: z.object({}).optional(), account_linking: z.object({}).optional() })
      .loose()
      .default({}),
  }),
  session: z.object({
    message_id: z.number().int(),
    session_id: ZAliceId,
    skill_id: ZAliceId,
    /** Present only when the person is signed in to Yandex. */
    user: z.object({ user_id: ZAliceId, access_token: ZAliceId.optional() }).optional(),
    application: z.object({ application_id: ZAliceId }),
    new: z.boolean(),
  }),
  request: z.object({
    // Requests other than utterances and button presses (purchases, audio player) carry no command.
    command: z.string().default(''),
    original_utterance: z.string().default(''),
    type: z.string(),
    markup: z.object({ dangerous_context: z.boolean().optional() }).optional(),
    payload: z.unknown().optional(),
    nlu: z
      .object({
        tokens: z.array(z.string()).default([]),
        entities: z.array(ZAliceEntitySchema).default([]),
        intents: z.record(z.string(), z.unknown()).default({}),
      })
      .optional(),
  }),
  state: z
    .object({ session: z.unknown().optional(), user: z.unknown().optional(), application: z.unknown().optional() })
    .optional(),
  version: z.string(),
});
export type TAliceRequest = z.infer<typeof ZAliceRequestSchema>;

export const ZAliceButtonSchema = z.object({
  title: z.string().min(1).max(64),
  payload: z.record(z.string(), z.unknown()).optional(),
  url: z.string().max(1024).optional(),
  hide: z.boolean().optional(),
});
export type TAliceButton = z.infer<typeof ZAliceButtonSchema>;

export const ZAliceResponseSchema = z.object({
  response: z.object({
    text: z.string().min(1).max(ALICE_TEXT_LIMIT),
    tts: z.string().max(ALICE_TEXT_LIMIT).optional(),
    buttons: z.array(ZAliceButtonSchema).optional(),
    end_session: z.boolean(),
    directives: z.object({ start_account_linking: z.object({}).optional() }).optional(),
  }),
  session_state: z.record(z.string(), z.unknown()).optional(),
  /** Kept per Yandex account; only for signed-in users. */
  user_state_update: z.record(z.string(), z.unknown()).optional(),
  version: z.literal('1.0'),
});
export type TAliceResponse = z.infer<typeof ZAliceResponseSchema>;
