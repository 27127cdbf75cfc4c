import type { AnswerService } from '../core/answers';
import { createOAuthService } from '../core/oauth';
import type { TConfig } from '../infra/config';
import type { Logger } from '../infra/logger';
import type { Stores } from '../prisma/stores';
import { createAlexaSkill } from '../skills/alexa';
import { createAliceSkill } from '../skills/alice';
import { alexaRoute } from '../webhooks/alexa-route';
import { aliceRoute } from '../webhooks/alice-route';
import { oauthRoute } from '../webhooks/oauth-route';
import type { TChannelLinking } from './channel-linking';

/** The voice skills' webhooks (and Alice's sign-in pages) for those whose ids are set. */
export function buildVoiceRoutes(
  config: TConfig,
  stores: Stores,
  answers: AnswerService,
  channel: TChannelLinking,
  logger: Logger,
) {
  if (!config.ALICE_SKILL_ID && !config.ALEXA_SKILL_ID) return [];
  const { pepper, linking } = channel();
  const routes = [];
  if (config.ALICE_SKILL_ID) {
    const oauth =
      config.ALICE_OAUTH_CLIENT_ID && config.ALICE_OAUTH_CLIENT_SECRET
        ? createOAuthService({
            store: stores.oauth,
            linking,
            pepper,
            clients: [
              {
                channel: 'alice',
                id: config.ALICE_OAUTH_CLIENT_ID,
                secret: config.ALICE_OAUTH_CLIENT_SECRET,
                redirectUris: config.ALICE_OAUTH_REDIRECT_URIS,
              },
            ],
          })
        : undefined;
    const alice = createAliceSkill({
      skillId: config.ALICE_SKILL_ID,
      answers,
      linking,
      timezone: config.TZ_DEFAULT,
      chatForToken: oauth?.chatForToken,
      logger: logger.child({ channel: 'alice' }),
    });
    routes.push(
      aliceRoute(alice, { pathSecret: config.ALICE_WEBHOOK_PATH_SECRET }),
      ...(oauth ? [oauthRoute(oauth, { publicUrl: config.PUBLIC_URL })] : []),
    );
  }
  if (config.ALEXA_SKILL_ID) {
    const alexa = createAlexaSkill({
      skillId: config.ALEXA_SKILL_ID,
      answers,
      linking,
      timezone: config.TZ_DEFAULT,
      logger: logger.child({ channel: 'alexa' }),
    });
    routes.push(alexaRoute({ skill: alexa, skillId: config.ALEXA_SKILL_ID, verify: config.ALEXA_VERIFY_SIGNATURE }));
  }
  return routes;
}
