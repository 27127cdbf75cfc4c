import type { TViewerScope } from '../../core/access';
import { renderAnswer, type TAnswer, type TViewer } from '../../core/answers';
import { AppError } from '../../core/errors';
import type { TLang } from '../../core/i18n';
import { readYesNo } from '../../core/input';
import { LINKING_TEXTS, parseCodeInput, type TChatRef } from '../../core/linking';
import { parseUtterance } from '../../core/nlu';
import { heardText } from '../voice/heard-text';
import { voiceCodeTurn, voiceConsentTurn, voiceReconsentQuestion, voiceReconsentTurn } from '../voice/voice-linking';
import { silentVoiceLogger } from '../voice/voice-logger';
import { readVoiceSession } from '../voice/voice-session';
import type { VoiceSkillDeps } from '../voice/voice-skill-deps';
import { fillFromEntities } from './alice-entities';
import { asksForHelp } from './alice-help';
import { aliceReply, type ReplyOptions } from './alice-reply';
import { type TAliceRequest, type TAliceResponse, ZAliceRequestSchema } from './alice-schemas';
import { ALICE_TEXTS, type TAliceTexts } from './locales';
import { type TAliceSessionState, ZAliceSessionStateSchema } from './session-state';

export type AliceSkillDeps = VoiceSkillDeps;

export interface AliceSkill {
  /** One webhook call: the parsed JSON body in, Alice's response out; AppError for a refused request. */
  handle(body: unknown): Promise<TAliceResponse>;
}

interface TTurn {
  req: TAliceRequest;
  lang: TLang;
  t: TAliceTexts;
  text: string;
  state: TAliceSessionState;
  chat: TChatRef;
  now: Date;
}

export function createAliceSkill(deps: AliceSkillDeps): AliceSkill {
  const log = deps.logger ?? silentVoiceLogger;
  const clock = deps.now ?? (() => new Date());

  const reply = (turn: TTurn, text: string, options: ReplyOptions = {}) =>
    aliceReply(text, turn.t.didNotHear, { state: turn.state, ...options });
  const spoken = (answer: TAnswer, lang: TLang) => renderAnswer(answer, lang);

  /** Yandex's CONFIRM may come with the «да» of «да нет, не хочу»: a refusal, in the words or Yandex's, wins. */
  function consentAnswer(turn: TTurn): boolean | null {
    const intents = turn.req.request.nlu?.intents ?? {};
    const said = readYesNo(turn.text);
    if (said === 'no' || 'YANDEX.REJECT' in intents) return false;
    if (said === 'yes' || 'YANDEX.CONFIRM' in intents) return true;
    return null;
  }

  async function offerCode(turn: TTurn, code: string): Promise<TAliceResponse> {
    const result = await voiceCodeTurn(deps.linking, turn.chat, turn.lang, code);
    if (result.kind === 'refused') {
      log.info({ channel: 'alice', reason: result.reason }, 'link code refused');
      return reply(turn, result.say, { state: { last: turn.state.last } });
    }
    return reply(turn, result.say, { state: { pending: result.pending } });
  }

  async function answerConsent(turn: TTurn, accepted: boolean): Promise<TAliceResponse> {
    const result = await voiceConsentTurn(deps.linking, turn.chat, turn.lang, turn.state.pending!, accepted);
    if (result.kind === 'linked') {
      log.info({ channel: 'alice', personId: result.personId }, 'voice user linked');
      return reply(turn, `${result.say} ${spoken({ kind: 'help' }, turn.lang).speech}`, { state: {} });
    }
    if (result.kind === 'refused') log.info({ channel: 'alice', reason: result.reason }, 'link refused at consent');
    return reply(turn, result.say, { state: {} });
  }

  async function forget(turn: TTurn): Promise<TAliceResponse> {
    const result = await deps.linking.forget(turn.chat);
    const texts = LINKING_TEXTS[turn.lang];
    return reply(turn, result.forgotten ? texts.forgotten : texts.nothingToForget, { state: {}, endSession: true });
  }

  async function unlinked(turn: TTurn): Promise<TAliceResponse> {
    const intent = parseUtterance(turn.text, { lang: turn.lang, now: turn.now, tz: deps.timezone }).intent;
    if (intent === 'forget') return forget(turn);
    // The sign-in card only where the surface can show it (docs/platforms.md), and only when we run the OAuth side.
    if (deps.chatForToken && turn.req.meta.interfaces.account_linking)
      return reply(turn, turn.t.accountLinking, { startAccountLinking: true });
    return reply(turn, turn.t.askCode);
  }

  async function question(turn: TTurn, viewer: TViewer): Promise<TAliceResponse> {
    const entities = turn.req.request.nlu?.entities ?? [];
    // Alice's own entities fill what our parser missed in this utterance, before it is read as a follow-up.
    const { answer, remember } = await deps.answers.ask(turn.text, viewer, turn.now, {
      lang: turn.lang,
      previous: turn.state.last ?? null,
      fill: (own) => fillFromEntities(own, entities, turn.now, deps.timezone),
    });
    if (answer.kind === 'action') {
      if (answer.action === 'forget') return forget(turn);
      return reply(turn, answer.action === 'link' ? turn.t.askCode : turn.t.elsewhere);
    }
    const rendered = spoken(answer, turn.lang);
    return reply(turn, rendered.speech, {
      tts: rendered.tts,
      state: { last: remember ?? turn.state.last },
      buttons: suggestionsFor(turn, answer, remember !== null),
    });
  }

  /** What the person may say next, as buttons: the choices of a question back, or the usual follow-ups. */
  function suggestionsFor(turn: TTurn, answer: TAnswer, diary: boolean): string[] | undefined {
    if (answer.kind === 'clarify')
      return answer.choices.flatMap((c) => (c === 'grades' || c === 'homework' ? [turn.t.choices[c]] : []));
    if (answer.kind === 'which-child') return answer.children;
    return diary ? turn.t.suggestions : undefined;
  }

  /** Consent to an older text no longer counts: nothing personal is said until the new one is answered. */
  async function reconsent(turn: TTurn, scope: TViewerScope): Promise<TAliceResponse> {
    if (parseUtterance(turn.text, { lang: turn.lang, now: turn.now, tz: deps.timezone }).intent === 'forget')
      return forget(turn);
    const accepted = turn.state.reconsent ? consentAnswer(turn) : null;
    if (accepted === null)
      return reply(turn, voiceReconsentQuestion(turn.lang, turn.chat.channel, scope), { state: { reconsent: true } });
    const result = await voiceReconsentTurn(deps.linking, turn.chat, turn.lang, accepted);
    log.info({ channel: 'alice', accepted }, 'consent asked again');
    return reply(turn, result.say, { state: {}, endSession: result.forgotten });
  }

  async function respond(turn: TTurn): Promise<TAliceResponse> {
    // Yandex flags rude or dangerous input; the skill neither repeats nor acts on it.
    if (turn.req.request.markup?.dangerous_context) return reply(turn, turn.t.dangerous);
    if (turn.state.pending) {
      const accepted = consentAnswer(turn);
      if (accepted !== null) return answerConsent(turn, accepted);
      if (!parseCodeInput(turn.text)) return reply(turn, turn.t.consentRepeat);
    }
    const state = await deps.linking.chatState(turn.chat);
    const personId = state?.personId ?? null;
    if (state?.needsConsent) return reconsent(turn, state.scope);
    if (!turn.text.trim()) {
      if (!turn.req.session.new) return reply(turn, turn.t.didNotHear);
      return reply(turn, personId ? turn.t.greetingLinked : turn.t.greetingNew);
    }
    const code = parseCodeInput(turn.text);
    if (code) return offerCode(turn, code);
    if (asksForHelp(turn.req, turn.text, { lang: turn.lang, now: turn.now, tz: deps.timezone }))
      return reply(turn, personId ? turn.t.helpLinked : turn.t.helpNew);
    return state ? question(turn, { personId: state.personId, channel: 'alice', scope: state.scope }) : unlinked(turn);
  }

  /** A signed-in user's token names the chat the sign-in page linked; otherwise the Yandex ids do. */
  async function chatOf(req: TAliceRequest, lang: TLang): Promise<TChatRef> {
    const token = req.session.user?.access_token;
    const linked = token && deps.chatForToken ? await deps.chatForToken(token) : null;
    if (linked) return linked;
    // Without a Yandex account the application id is the only stable id Alice gives.
    return {
      channel: 'alice',
      externalId: req.session.user?.user_id ?? req.session.application.application_id,
      locale: lang,
    };
  }

  return {
    async handle(body) {
      const parsed = ZAliceRequestSchema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError('bad_request', `${issue.path.join('.') || 'body'}: ${issue.message}`);
      }
      const req = parsed.data;
      if (req.session.skill_id !== deps.skillId) throw new AppError('forbidden', 'request for another skill_id');
      const lang = req.meta.locale.toLowerCase().startsWith('en') ? 'en' : 'ru';
      const t = ALICE_TEXTS[lang];
      // Yandex's health check: answered before anything touches the database.
      if (req.request.original_utterance === 'ping') return aliceReply(t.pong, t.pong);
      // Yandex never sends more than 1,024 characters: a longer (forged) command is cut before anything parses it.
      const text = heardText(req.request.command || req.request.original_utterance);
      const turn: TTurn = {
        req,
        lang,
        t,
        text,
        state: readVoiceSession(ZAliceSessionStateSchema, req.state?.session),
        chat: await chatOf(req, lang),
        now: clock(),
      };
      return respond(turn);
    },
  };
}
