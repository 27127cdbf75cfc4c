import {
  type ErrorHandler,
  getIntentName,
  getRequestType,
  getSlot,
  type HandlerInput,
  type RequestHandler,
  type RequestInterceptor,
  type Skill,
  SkillBuilders,
} from 'ask-sdk-core';
import type { Response, Slot } from 'ask-sdk-model';
import type { TViewerScope } from '../../core/access';
import { escapeXml, renderAnswer, type TAnswer, transliterate } from '../../core/answers';
import { readYesNo } from '../../core/input';
import { LINKING_TEXTS, parseCodeInput, type TChatRef } from '../../core/linking';
import { continueQuery, FRAGMENT_CHOICES, type TIntent, type TQuery } from '../../core/nlu';
import { heardText } from '../voice/heard-text';
import { voiceCodeTurn, voiceConsentTurn, voiceReconsentQuestion, voiceReconsentTurn } from '../voice/voice-linking';
import { silentVoiceLogger } from '../voice/voice-logger';
import { readVoiceSession } from '../voice/voice-session';
import type { VoiceSkillDeps } from '../voice/voice-skill-deps';
import { queryFromSlots, type TAlexaSlotValues } from './alexa-query';
import { type TAlexaSession, ZAlexaSessionSchema } from './alexa-session';
import { DIARY_INTENT_NAMES, SLOTS } from './interaction-model';
import { ALEXA_TEXTS, type TAlexaTexts } from './locales';

export type AlexaSkillDeps = VoiceSkillDeps;

/** What the locale interceptor puts into every request's attributes. */
interface TTurn {
  t: TAlexaTexts;
  chat: TChatRef;
  personId: string | null;
  /** Read with personId: the person must consent again before anything personal is said. */
  needsConsent: boolean;
  /** Read with personId too: what the person may see, handed to the answers. */
  scope: TViewerScope | null;
  session: TAlexaSession;
  now: Date;
}

/** A follow-up with nothing to follow starts as a fragment: what it names, with the intent still to ask. */
const EMPTY_FRAGMENT: TQuery = { intent: 'unknown', date: null, dateTo: null, subject: null, child: null };

const turnOf = (input: HandlerInput) => input.attributesManager.getRequestAttributes().turn as TTurn;
const isIntent = (input: HandlerInput, ...names: string[]) =>
  getRequestType(input.requestEnvelope) === 'IntentRequest' && names.includes(getIntentName(input.requestEnvelope));
// Alexa speaks English only: names in linking texts come in Cyrillic and are read out transliterated.
const plain = (text: string) => escapeXml(transliterate(text));

function slotValues(input: HandlerInput): TAlexaSlotValues {
  const value = (name: string) => heardText(getSlot(input.requestEnvelope, name)?.value ?? '') || undefined;
  return {
    date: value(SLOTS.date),
    subject: value(SLOTS.subject),
    subjectResolved: resolvedName(getSlot(input.requestEnvelope, SLOTS.subject)),
    child: value(SLOTS.child),
    term: value(SLOTS.term),
    termResolved: resolvedName(getSlot(input.requestEnvelope, SLOTS.term)),
    target: value(SLOTS.target),
    targetResolved: resolvedName(getSlot(input.requestEnvelope, SLOTS.target)),
  };
}

/** Our slot type's value that Alexa's entity resolution matched, if it did. */
function resolvedName(slot: Slot | null): string | undefined {
  const authority = slot?.resolutions?.resolutionsPerAuthority?.find((a) => a.status.code === 'ER_SUCCESS_MATCH');
  return authority?.values[0]?.value.name;
}

export function createAlexaSkill(deps: AlexaSkillDeps): Skill {
  const log = deps.logger ?? silentVoiceLogger;
  const clock = deps.now ?? (() => new Date());

  function say(
    input: HandlerInput,
    speech: string,
    options: { session?: TAlexaSession; end?: boolean; card?: string; linkAccount?: boolean } = {},
  ): Response {
    const { t } = turnOf(input);
    input.attributesManager.setSessionAttributes(options.session ?? {});
    const builder = input.responseBuilder.speak(speech);
    if (options.card) builder.withSimpleCard(t.cardTitle, options.card);
    if (options.linkAccount) builder.withLinkAccountCard();
    if (options.end) return builder.withShouldEndSession(true).getResponse();
    return builder.reprompt(plain(t.reprompt)).getResponse();
  }

  function sayAnswer(input: HandlerInput, answer: TAnswer, session: TAlexaSession): Response {
    const rendered = renderAnswer(answer, 'en');
    return say(input, rendered.ssml, { session, card: rendered.speech });
  }

  /** Someone not linked: with account linking set up, the Alexa app gets its sign-in card; a spoken code works either way. */
  const askToLink = (input: HandlerInput, withoutCard: string, withCard: string) =>
    deps.chatForToken ? say(input, plain(withCard), { linkAccount: true }) : say(input, plain(withoutCard));

  async function answerQuery(input: HandlerInput, query: TQuery): Promise<Response> {
    const { personId, needsConsent, scope, t, now } = turnOf(input);
    if (!personId) return askToLink(input, t.askCode, t.askCodeOrSignIn);
    // Consent to an older text no longer counts: nothing personal is said until the new one is answered.
    if (needsConsent)
      return say(input, plain(voiceReconsentQuestion('en', 'alexa', scope)), { session: { reconsent: true } });
    // A fragment with nothing before it ("what about physics?" opening a session): grades or homework?
    if (query.intent === 'unknown')
      return sayAnswer(
        input,
        { kind: 'clarify', subject: query.subject, choices: [...FRAGMENT_CHOICES] },
        { last: query },
      );
    const answer = await deps.answers.answer(query, { personId, channel: 'alexa', scope: scope ?? undefined }, now);
    if (answer.kind === 'action') return say(input, plain(t.elsewhere));
    return sayAnswer(input, answer, { last: query });
  }

  /** Yes or no: to the consent asked again, to linking with a code, or to nothing asked (go on, or goodbye). */
  async function answerYesNo(input: HandlerInput, accepted: boolean): Promise<Response> {
    const { session, chat, t } = turnOf(input);
    if (session.reconsent) {
      const renewed = await voiceReconsentTurn(deps.linking, chat, 'en', accepted);
      return say(input, plain(renewed.say), { end: renewed.forgotten });
    }
    if (!session.pending) return accepted ? say(input, plain(t.reprompt)) : say(input, plain(t.goodbye), { end: true });
    const result = await voiceConsentTurn(deps.linking, chat, 'en', session.pending, accepted);
    if (result.kind === 'linked') {
      log.info({ channel: 'alexa', personId: result.personId }, 'voice user linked');
      return say(input, plain(`${result.say} ${renderAnswer({ kind: 'help' }, 'en').speech}`));
    }
    if (result.kind === 'refused') log.info({ channel: 'alexa', reason: result.reason }, 'link refused at consent');
    return say(input, plain(result.say));
  }

  function notUnderstood(input: HandlerInput): Response {
    const { session, t } = turnOf(input);
    // While a consent question is open, anything but yes or no asks it again.
    if (session.pending || session.reconsent) return say(input, plain(t.consentRepeat), { session });
    return sayAnswer(input, { kind: 'unknown' }, session);
  }

  const interceptor: RequestInterceptor = {
    async process(input) {
      const system = input.requestEnvelope.context.System;
      const token = system.user.accessToken;
      const linked = token && deps.chatForToken ? await deps.chatForToken(token) : null;
      const chat: TChatRef = linked ?? { channel: 'alexa', externalId: system.user.userId, locale: 'en' };
      const state = await deps.linking.chatState(chat);
      const turn: TTurn = {
        t: ALEXA_TEXTS.en,
        chat,
        personId: state?.personId ?? null,
        needsConsent: state?.needsConsent ?? false,
        scope: state?.scope ?? null,
        session: readVoiceSession(ZAlexaSessionSchema, input.attributesManager.getSessionAttributes()),
        now: clock(),
      };
      input.attributesManager.setRequestAttributes({ turn });
    },
  };

  const handlers: RequestHandler[] = [
    {
      canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
      handle: (input) => {
        const { personId, t } = turnOf(input);
        return personId ? say(input, plain(t.launchLinked)) : askToLink(input, t.launchNew, t.launchNewOrSignIn);
      },
    },
    {
      canHandle: (input) => isIntent(input, ...Object.keys(DIARY_INTENT_NAMES)),
      handle: (input) => {
        const intent: TIntent =
          DIARY_INTENT_NAMES[getIntentName(input.requestEnvelope) as keyof typeof DIARY_INTENT_NAMES];
        const { session, now } = turnOf(input);
        const own = queryFromSlots(intent, slotValues(input), now, deps.timezone);
        // "grades" in answer to "grades or homework?": the fragment's slots with the intent now named.
        const pending = session.last?.intent === 'unknown' ? session.last : null;
        return answerQuery(input, pending ? { ...continueQuery(pending, own), intent } : own);
      },
    },
    {
      canHandle: (input) => isIntent(input, 'FollowUpIntent'),
      handle: (input) => {
        const { session, now } = turnOf(input);
        const previous = session.last ?? EMPTY_FRAGMENT;
        const named = queryFromSlots(previous.intent, slotValues(input), now, deps.timezone);
        return answerQuery(input, continueQuery(previous, named));
      },
    },
    {
      canHandle: (input) => isIntent(input, 'LinkCodeIntent'),
      handle: async (input) => {
        const { chat } = turnOf(input);
        const code = parseCodeInput(heardText(getSlot(input.requestEnvelope, SLOTS.code)?.value ?? ''));
        if (!code) return say(input, plain(LINKING_TEXTS.en.notACode));
        const result = await voiceCodeTurn(deps.linking, chat, 'en', code);
        if (result.kind === 'refused') {
          log.info({ channel: 'alexa', reason: result.reason }, 'link code refused');
          return say(input, plain(result.say));
        }
        return say(input, plain(result.say), { session: { pending: result.pending } });
      },
    },
    {
      canHandle: (input) => isIntent(input, 'AMAZON.YesIntent', 'AMAZON.NoIntent'),
      handle: (input) => answerYesNo(input, getIntentName(input.requestEnvelope) === 'AMAZON.YesIntent'),
    },
    {
      // Said in words of one's own ("yes please", "I don't agree"), read by the rule every channel uses.
      canHandle: (input) => isIntent(input, 'ConsentAnswerIntent'),
      handle: (input) => {
        const said = readYesNo(heardText(getSlot(input.requestEnvelope, SLOTS.answer)?.value ?? ''));
        return said ? answerYesNo(input, said === 'yes') : notUnderstood(input);
      },
    },
    {
      canHandle: (input) => isIntent(input, 'ForgetIntent'),
      handle: async (input) => {
        const result = await deps.linking.forget(turnOf(input).chat);
        return say(input, plain(result.forgotten ? LINKING_TEXTS.en.forgotten : LINKING_TEXTS.en.nothingToForget), {
          end: true,
        });
      },
    },
    {
      canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent'),
      handle: (input) => sayAnswer(input, { kind: 'help' }, turnOf(input).session),
    },
    {
      canHandle: (input) => isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
      handle: (input) => say(input, plain(turnOf(input).t.goodbye), { end: true }),
    },
    {
      canHandle: (input) => isIntent(input, 'AMAZON.FallbackIntent'),
      handle: (input) => notUnderstood(input),
    },
    {
      canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
      handle: (input) => input.responseBuilder.getResponse(),
    },
  ];

  const errorHandler: ErrorHandler = {
    canHandle: () => true,
    handle: (input, error) => {
      log.error(
        { channel: 'alexa', requestId: input.requestEnvelope.request.requestId, err: error },
        'alexa request failed',
      );
      return input.responseBuilder.speak(plain(ALEXA_TEXTS.en.error)).withShouldEndSession(false).getResponse();
    },
  };

  return SkillBuilders.custom()
    .withSkillId(deps.skillId)
    .addRequestInterceptors(interceptor)
    .addRequestHandlers(...handlers)
    .addErrorHandlers(errorHandler)
    .create();
}
