import type { AnswerService } from '../core/answers';
import type { TVoiceChannel } from '../core/linking';
import { amazonRedirectPattern, createOAuthService, type TOAuthClient } from '../core/oauth';
import type { TConfig } from '../infra/config';
import type { Logger } from '../infra/logger';
import type { Stores } from '../prisma/stores';
import { createAlexaSkill } from '../skills/alexa';
import { createAliceSkill } from '../skills/alice';
import { alexaRoute } from '../webhooks/alexa-route';
import { aliceRoute } from '../webhooks/alice-route';
import { oauthRoute } from '../webhooks/oauth-route';
import type { TChannelLinking } from './channel-linking';

/** The account-linking clients of the voice skills that are served and have their OAuth variables set. */
function oauthClients(config: TConfig): TOAuthClient[] {
  const clients: TOAuthClient[] = [];
  if (config.ALICE_SKILL_ID && config.ALICE_OAUTH_CLIENT_ID && config.ALICE_OAUTH_CLIENT_SECRET)
    clients.push({
      channel: 'alice',
      id: config.ALICE_OAUTH_CLIENT_ID,
      secret: config.ALICE_OAUTH_CLIENT_SECRET,
      redirectUris: config.ALICE_OAUTH_REDIRECT_URIS,
    });
  if (config.ALEXA_SKILL_ID && config.ALEXA_OAUTH_CLIENT_ID && config.ALEXA_OAUTH_CLIENT_SECRET)
    clients.push({
      channel: 'alexa',
      id: config.ALEXA_OAUTH_CLIENT_ID,
      secret: config.ALEXA_OAUTH_CLIENT_SECRET,
      redirectUris: [],
      redirectPattern: amazonRedirectPattern(config.ALEXA_OAUTH_VENDOR_ID),
    });
  return clients;
}

/** The voice skills' webhooks (and the sign-in pages of their account linking) for those whose ids are set. */
export function buildVoiceRoutes(
  config: TConfig,
  stores: Stores,
  answers: AnswerService,
  channel: TChannelLinking,
  logger: Logger,
) {
  if (!config.ALICE_SKILL_ID && !config.ALEXA_SKILL_ID) return [];
  const { pepper, linking } = channel();
  const clients = oauthClients(config);
  // One OAuth server for both skills: the client tells the platform, and a token answers only its own.
  const oauth = clients.length > 0 ? createOAuthService({ store: stores.oauth, linking, pepper, clients }) : undefined;
  const chatForToken = (skill: TVoiceChannel) =>
    oauth && clients.some((c) => c.channel === skill)
      ? (accessToken: string) => oauth.chatForToken(accessToken, skill)
      : undefined;
  const routes = [];
  if (config.ALICE_SKILL_ID) {
    const alice = createAliceSkill({
      skillId: config.ALICE_SKILL_ID,
      answers,
      linking,
      timezone: config.TZ_DEFAULT,
      chatForToken: chatForToken('alice'),
      logger: logger.child({ channel: 'alice' }),
    });
    routes.push(aliceRoute(alice, { pathSecret: config.ALICE_WEBHOOK_PATH_SECRET }));
  }
  if (config.ALEXA_SKILL_ID) {
    const alexa = createAlexaSkill({
      skillId: config.ALEXA_SKILL_ID,
      answers,
      linking,
      timezone: config.TZ_DEFAULT,
      chatForToken: chatForToken('alexa'),
      logger: logger.child({ channel: 'alexa' }),
    });
    routes.push(alexaRoute({ skill: alexa, skillId: config.ALEXA_SKILL_ID, verify: config.ALEXA_VERIFY_SIGNATURE }));
  }
  if (oauth) routes.push(oauthRoute(oauth, { publicUrl: config.PUBLIC_URL }));
  return routes;
}
