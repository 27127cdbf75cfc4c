import { randomBytes } from 'node:crypto';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Express } from 'express';
import type { DestinationStream } from 'pino';
import { createAnswerService } from '../../core/answers';
import { createLinkService, issueCodes, type TChatRef } from '../../core/linking';
import { createLogger } from '../../infra/logger';
import { createMetrics } from '../../infra/metrics';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createLinkingStore } from '../../prisma/stores/linking/linking-store';
import { createPresenceReader } from '../../prisma/stores/presence/presence-reader';
import { createComingReader } from '../../prisma/stores/school-news/coming-reader';
import { createTermReader } from '../../prisma/stores/terms/term-reader';
import { createAlexaSkill } from '../../skills/alexa';
import { alexaRoute } from '../../webhooks/alexa-route';
import { createServer } from '../../webhooks/app';
import baseEnvelope from '../fixtures/voice/alexa-intent-request.json';
import { DEMO_NOW, DEMO_TZ } from './demo-database';
import type { TestDatabase } from './test-database';

// Alexa request envelopes as Amazon documents them (the fixture is the documented shape), varied per test.

export const ALEXA_SKILL_ID = baseEnvelope.context.System.application.applicationId;

export interface TEnvelopeOptions {
  type?: 'LaunchRequest' | 'IntentRequest' | 'SessionEndedRequest';
  intent?: string;
  slots?: Record<string, string | { value: string; resolved?: string }>;
  userId?: string;
  accessToken?: string;
  attributes?: Record<string, unknown>;
  skillId?: string;
  timestamp?: string;
}

export function alexaEnvelope(o: TEnvelopeOptions = {}): RequestEnvelope {
  const env = structuredClone(baseEnvelope) as unknown as RequestEnvelope & {
    session: { attributes: Record<string, unknown> };
  };
  const userId = o.userId ?? 'amzn1.ask.account.PARENT';
  const user = o.accessToken ? { userId, accessToken: o.accessToken } : { userId };
  env.session!.user = user;
  env.context.System.user = user;
  env.session!.attributes = o.attributes ?? {};
  env.session!.new = o.type === 'LaunchRequest';
  if (o.skillId) {
    env.session!.application.applicationId = o.skillId;
    env.context.System.application.applicationId = o.skillId;
  }
  const type = o.type ?? 'IntentRequest';
  const request: Record<string, unknown> = {
    type,
    requestId: `amzn1.echo-api.request.${Math.random()}`,
    timestamp: o.timestamp ?? new Date().toISOString(),
    locale: 'en-US',
  };
  if (type === 'IntentRequest') {
    const slots: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(o.slots ?? {})) {
      const { value, resolved } = typeof v === 'string' ? { value: v, resolved: undefined } : v;
      slots[name] = {
        name,
        value,
        confirmationStatus: 'NONE',
        ...(resolved
          ? {
              resolutions: {
                resolutionsPerAuthority: [
                  {
                    authority: 'amzn1.er-authority.echo-sdk.SUBJECT',
                    status: { code: 'ER_SUCCESS_MATCH' },
                    values: [{ value: { name: resolved, id: resolved.toUpperCase() } }],
                  },
                ],
              },
            }
          : {}),
      };
    }
    request.intent = { name: o.intent ?? 'AMAZON.HelpIntent', confirmationStatus: 'NONE', slots };
  }
  if (type === 'SessionEndedRequest') request.reason = 'USER_INITIATED';
  env.request = request as unknown as RequestEnvelope['request'];
  return env;
}

/** The SSML an envelope's response speaks, without the <speak> wrapper. */
export const spoken = (res: ResponseEnvelope) =>
  ((res.response.outputSpeech as { ssml?: string } | undefined)?.ssml ?? '').replace(/^<speak>|<\/speak>$/g, '');

/** The skill and its Express route as main.ts wires them, on a demo database, the clock at DEMO_NOW. */
export function alexaHarness(
  db: TestDatabase,
  options: {
    verify?: boolean;
    chatForToken?: (token: string) => Promise<TChatRef | null>;
    log?: DestinationStream;
  } = {},
) {
  // Everything the server and the skill log, at the most verbose level, when a test wants to read it.
  const logger = options.log ? createLogger('trace', options.log) : createLogger('silent');
  const pepper = randomBytes(32);
  const store = createLinkingStore(db);
  const readModel = createReadModel(db, DEMO_TZ);
  const linking = createLinkService({ store, access: readModel.access, pepper, now: () => DEMO_NOW });
  const answers = createAnswerService({
    ...readModel,
    terms: createTermReader(db),
    presence: createPresenceReader(db),
    coming: createComingReader(db),
    defaultTimezone: DEMO_TZ,
  });
  const skill = createAlexaSkill({
    skillId: ALEXA_SKILL_ID,
    answers,
    linking,
    timezone: DEMO_TZ,
    now: () => DEMO_NOW,
    chatForToken: options.chatForToken,
    logger: logger.child({ channel: 'alexa' }),
  });
  const app: Express = createServer({
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: { database: () => db.ping() },
    routers: [alexaRoute({ skill, skillId: ALEXA_SKILL_ID, verify: options.verify ?? false })],
  });
  const issueCode = async (studentId: string) =>
    (await issueCodes(store, pepper, [{ role: 'guardian', studentId, teacherId: null }], { now: DEMO_NOW }))[0].code;
  const issueTeacherCode = async (teacherId: string) =>
    (await issueCodes(store, pepper, [{ role: 'teacher', studentId: null, teacherId }], { now: DEMO_NOW }))[0].code;
  return { skill, app, linking, issueCode, issueTeacherCode };
}
