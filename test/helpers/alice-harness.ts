import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import type { DestinationStream } from 'pino';
import { createAnswerService } from '../../core/answers';
import { createLinkService, issueCodes } from '../../core/linking';
import { createOAuthService } from '../../core/oauth';
import { createLogger } from '../../infra/logger';
import { createMetrics } from '../../infra/metrics';
import { createMemoryQuestionLimiter } from '../../infra/question-limiter';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createLinkingStore } from '../../prisma/stores/linking/linking-store';
import { createOAuthStore } from '../../prisma/stores/oauth/oauth-store';
import { createPresenceReader } from '../../prisma/stores/presence/presence-reader';
import { createComingReader } from '../../prisma/stores/school-news/coming-reader';
import { createTermReader } from '../../prisma/stores/terms/term-reader';
import { createAliceSkill } from '../../skills/alice';
import { aliceRoute } from '../../webhooks/alice-route';
import { createServer } from '../../webhooks/app';
import { oauthRoute } from '../../webhooks/oauth-route';
import baseRequest from '../fixtures/voice/alice-request.json';
import { DEMO_NOW, DEMO_TZ } from './demo-database';
import type { TestDatabase } from './test-database';

// Alice requests as Yandex documents them (the fixture is the documented example), varied per test.

export const SKILL_ID = baseRequest.session.skill_id;

type TJson = Record<string, unknown>;

export interface TAliceRequestOptions {
  command?: string;
  userId?: string | null;
  isNew?: boolean;
  accountLinking?: boolean;
  dangerous?: boolean;
  state?: TJson;
  entities?: TJson[];
  intents?: TJson;
  skillId?: string;
  messageId?: number;
}

export function aliceRequest(o: TAliceRequestOptions = {}): TJson {
  const req = structuredClone(baseRequest) as unknown as {
    meta: { interfaces: TJson };
    session: TJson & { user?: TJson };
    request: TJson & { nlu: TJson; markup: TJson };
    state: TJson;
  };
  const command = o.command ?? '';
  req.request.command = command;
  req.request.original_utterance = command;
  req.request.nlu = {
    tokens: command.split(/\s+/).filter(Boolean),
    entities: o.entities ?? [],
    intents: o.intents ?? {},
  };
  req.request.markup = { dangerous_context: o.dangerous ?? false };
  req.session.new = o.isNew ?? false;
  req.session.message_id = o.messageId ?? (o.isNew ? 0 : 1);
  if (o.skillId) req.session.skill_id = o.skillId;
  if (o.userId === null) delete req.session.user;
  // The documented example carries an OAuth token; these tests link by spoken code unless a test says otherwise.
  else req.session.user = { user_id: o.userId ?? 'alice-user-1' };
  if (!o.accountLinking) delete req.meta.interfaces.account_linking;
  req.state = { session: o.state ?? {}, user: {}, application: {} };
  return req as unknown as TJson;
}

/** The OAuth client Yandex Dialogs would be configured with in the account-linking tests. */
export const OAUTH_CLIENT = {
  channel: 'alice' as const,
  id: 'yandex-dialogs',
  secret: 'client-secret-0123456789',
  redirectUris: ['https://social.yandex.net/broker/redirect'],
};

/** PUBLIC_URL of the app with account linking: the sign-in form must be posted from its origin. */
export const OAUTH_PUBLIC_URL = 'https://dnevnik.test';

/**
 * The Express app with the Alice route wired as main.ts wires it, on a demo database, the clock at
 * DEMO_NOW; with `oauth`, account linking and its sign-in pages too, on `oauthNow` when given (for
 * tokens that expire).
 */
export function aliceApp(
  db: TestDatabase,
  options: {
    oauth?: boolean;
    oauthNow?: () => Date;
    questionsPerMinute?: number;
    log?: DestinationStream;
    pathSecret?: string;
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
    limiter:
      options.questionsPerMinute === undefined
        ? undefined
        : createMemoryQuestionLimiter({ limit: options.questionsPerMinute }),
  });
  const oauth = options.oauth
    ? createOAuthService({
        store: createOAuthStore(db),
        linking,
        pepper,
        clients: [OAUTH_CLIENT],
        now: options.oauthNow ?? (() => DEMO_NOW),
      })
    : undefined;
  const skill = createAliceSkill({
    skillId: SKILL_ID,
    answers,
    linking,
    timezone: DEMO_TZ,
    now: () => DEMO_NOW,
    chatForToken: oauth ? (token) => oauth.chatForToken(token, 'alice') : undefined,
    logger: logger.child({ channel: 'alice' }),
  });
  const app: Express = createServer({
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: { database: () => db.ping() },
    routers: [
      aliceRoute(skill, { pathSecret: options.pathSecret }),
      ...(oauth ? [oauthRoute(oauth, { publicUrl: OAUTH_PUBLIC_URL })] : []),
    ],
  });
  const issueCode = async (studentId: string, role: 'guardian' | 'student' = 'guardian') =>
    (await issueCodes(store, pepper, [{ role, studentId, teacherId: null }], { now: DEMO_NOW }))[0].code;
  return { app, linking, issueCode };
}
