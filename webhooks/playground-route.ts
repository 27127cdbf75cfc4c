import express, { Router } from 'express';
import { z } from 'zod';
import type { AnswerService, TAnswer, TAsked, TChartAnswer } from '../core/answers';
import { escapeHtml, escapeXml, renderAnswer } from '../core/answers';
import { answerKeyboard, BOT_TEXTS, type QueryContextStore, sectionLabel, type TSection } from '../core/conversation';
import { AppError } from '../core/errors';
import type { TLang } from '../core/i18n';
import { cutUtterance, isPrintableText, isTooLongUtterance } from '../core/input';
import type { TChatRef } from '../core/linking';
import { currentContext, detectLang, type TQuery } from '../core/nlu';
import { sendNoFavicon } from './favicon';
import { MAX_BODY_BYTES } from './limits';
import { maxRendering } from './playground-max';
import { playgroundPage, statusPage } from './playground-page';

export interface TPlaygroundPerson {
  id: string;
  role: 'guardian' | 'student' | 'teacher';
  displayName: string;
}

export interface PlaygroundDeps {
  /** DEMO on: the playground; off: a short status page and no API. */
  enabled: boolean;
  answers: AnswerService;
  /** Only these people can be spoken as: the playground must never impersonate a real user. */
  people: TPlaygroundPerson[];
  /** Each demo person's last question, for follow-ups, kept as a chat keeps it. */
  queryContexts: QueryContextStore;
  now?: () => Date;
}

// The text's length is not limited here: a long one gets the chats' polite "too long" below.
const ZAskSchema = z.object({
  personId: z.string().min(1).max(200),
  text: z.string(),
  now: z.iso.datetime({ offset: true }).optional(),
});

/** What the chats say to a text they do not read (too long, or with NUL or a lone surrogate), in every rendering; null for one they read. */
function unreadReply(text: string) {
  const lang = detectLang(cutUtterance(text));
  const t = BOT_TEXTS[lang].input;
  const said = isTooLongUtterance(text) ? t.tooLong : isPrintableText(text) ? null : t.unreadable;
  if (!said) return null;
  return {
    text: escapeHtml(said),
    speech: said,
    tts: said,
    ssml: `<speak>${escapeXml(said)}</speak>`,
    kind: 'not-read',
    query: null,
    buttons: [],
    // The chat bots say it as plain text (core/conversation/conversation.ts).
    max: maxRendering(said, false, lang),
  };
}

/** What the person can answer a question back with: tapped, the label is asked as typed text. */
function replyChoices(answer: TAnswer, lang: TLang): string[] {
  if (answer.kind === 'clarify') return answer.choices.map((c) => sectionLabel(BOT_TEXTS[lang], c as TSection));
  if (answer.kind === 'which-child') return answer.children;
  return [];
}

const chartRequest = (query: TQuery) => ({ child: query.child, subject: query.subject });

/** Pictures as data URLs the page shows as <img> under their captions; a refusal and the like as an answer's text. */
function chartReply(charts: TChartAnswer, asked: TAsked) {
  if (charts.kind === 'answer') {
    const rendered = renderAnswer(charts.answer, asked.lang);
    return {
      buttons: [],
      text: rendered.text,
      images: [],
      kind: charts.answer.kind,
      query: asked.query,
      max: maxRendering(rendered.text, true, asked.lang),
    };
  }
  const text = charts.images.map((i) => escapeHtml(i.caption)).join('\n');
  return {
    buttons: [],
    text,
    images: charts.images.flatMap((i) =>
      i.kind === 'image' ? [`data:image/png;base64,${Buffer.from(i.png).toString('base64')}`] : [],
    ),
    kind: 'chart',
    query: asked.query,
    // One plain message per picture, its caption the text (the MAX bot uploads the picture and attaches it).
    max: {
      format: null,
      parts: charts.images.flatMap((i) => maxRendering(i.caption, false, asked.lang).parts),
      keyboard: null,
    },
  };
}

/** GET /, /favicon.ico and the playground's small JSON API; answers go through the same core as every channel. */
export function playgroundRoute(deps: PlaygroundDeps): Router {
  const router = Router();
  const byId = new Map(deps.people.map((p) => [p.id, p]));
  const clock = deps.now ?? (() => new Date());

  router.get('/', (_req, res) => {
    res
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(deps.enabled ? playgroundPage() : statusPage());
  });
  router.get('/favicon.ico', sendNoFavicon);

  if (!deps.enabled) return router;

  router.get('/playground/people', (_req, res) => {
    res.json({ people: deps.people });
  });

  router.post('/playground/ask', express.json({ limit: MAX_BODY_BYTES, type: () => true }), async (req, res) => {
    const parsed = ZAskSchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('bad_request', `${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const { personId, text, now } = parsed.data;
    if (!byId.has(personId)) throw new AppError('not_found', `no demo person "${personId}"`);
    const unread = unreadReply(text);
    if (unread) return void res.json(unread);
    const at = now ? new Date(now) : clock();
    const chat: TChatRef = { channel: 'playground', externalId: personId, locale: detectLang(text) };
    const previous = currentContext(await deps.queryContexts.read(chat), at);
    const asked = await deps.answers.ask(text, { personId, channel: 'playground' }, at, { previous });
    if (asked.remember) await deps.queryContexts.write(chat, asked.remember, at);
    if (asked.query.intent === 'chart' && deps.answers.chart) {
      const viewer = { personId, channel: 'playground' };
      return void res.json(
        chartReply(await deps.answers.chart(chartRequest(asked.query), viewer, at, asked.lang), asked),
      );
    }
    const rendered = renderAnswer(asked.answer, asked.lang);
    res.json({
      buttons: replyChoices(asked.answer, asked.lang),
      text: rendered.text,
      speech: rendered.speech,
      tts: rendered.tts,
      ssml: rendered.ssml,
      kind: asked.answer.kind,
      query: asked.query,
      // The same answer as the MAX bot would send it, with the buttons the chat bots put under it.
      max: maxRendering(
        rendered.text,
        true,
        asked.lang,
        answerKeyboard(BOT_TEXTS[asked.lang], asked.answer, deps.answers.chart !== undefined),
      ),
    });
  });

  return router;
}
