import express, { Router } from 'express';
import { z } from 'zod';
import type { AnswerService } from '../core/answers/answer-service';
import { renderAnswer } from '../core/answers/render-answer';
import { AppError } from '../core/errors';
import { MAX_BODY_BYTES } from './limits';
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
  now?: () => Date;
}

const ZAskSchema = z.object({
  personId: z.string().min(1).max(200),
  text: z.string().max(2000),
  now: z.iso.datetime({ offset: true }).optional(),
});

/** GET / and the playground's small JSON API; answers go through the same core as every channel. */
export function playgroundRoute(deps: PlaygroundDeps): Router {
  const router = Router();
  const byId = new Map(deps.people.map((p) => [p.id, p]));
  const clock = deps.now ?? (() => new Date());

  router.get('/', (_req, res) => {
    res.type('html').set('Cache-Control', 'no-store').send(deps.enabled ? playgroundPage() : statusPage());
  });

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
    const asked = await deps.answers.ask(text, { personId, channel: 'playground' }, now ? new Date(now) : clock());
    const rendered = renderAnswer(asked.answer, asked.lang);
    res.json({ text: rendered.text, speech: rendered.speech, tts: rendered.tts, ssml: rendered.ssml, kind: asked.answer.kind, query: asked.query });
  });

  return router;
}
