import { maxLinkUrl, telegramLinkUrl, vkLinkUrl } from '../core/linking';
import type { TConfig } from '../infra/config';
import { INVOCATION_NAME } from '../skills/alexa/interaction-model';

// Where a school letter sends a family with its code: only to the channels this installation has
// configured. Nothing is assumed: a default bot name would send parents and their codes to
// someone else's bot.

export interface TLetterChannels {
  /** The deep link into the Telegram bot (TELEGRAM_BOT_USERNAME). */
  telegram: ((code: string) => string) | null;
  /** The link into the VK community's chat (VK_GROUP_ID). */
  vk: ((code: string) => string) | null;
  /** The deep link into the MAX bot (MAX_BOT_USERNAME). */
  max: ((code: string) => string) | null;
  /** The Alice skill's activation name (ALICE_SKILL_NAME). */
  alice: string | null;
  /** The Alexa skill's invocation name, when the skill is served (ALEXA_SKILL_ID). */
  alexa: string | null;
}

type TChannelConfig = Pick<
  TConfig,
  'TELEGRAM_BOT_USERNAME' | 'VK_GROUP_ID' | 'MAX_BOT_USERNAME' | 'ALICE_SKILL_NAME' | 'ALEXA_SKILL_ID'
>;

export function letterChannels(config: TChannelConfig): TLetterChannels {
  const { TELEGRAM_BOT_USERNAME: bot, VK_GROUP_ID: vkGroup, MAX_BOT_USERNAME: maxBot } = config;
  return {
    telegram: bot ? (code) => telegramLinkUrl(bot, code) : null,
    vk: vkGroup ? (code) => vkLinkUrl(vkGroup, code) : null,
    max: maxBot ? (code) => maxLinkUrl(maxBot, code) : null,
    alice: config.ALICE_SKILL_NAME ?? null,
    alexa: config.ALEXA_SKILL_ID ? INVOCATION_NAME : null,
  };
}

export const hasLetterChannel = (c: TLetterChannels) => Boolean(c.telegram || c.vk || c.max || c.alice || c.alexa);

/** Why `dnevnik codes` refuses when no channel is configured, and what to set: one line. */
export const NO_LETTER_CHANNEL =
  'the letters would point to no bot or skill: set TELEGRAM_BOT_USERNAME to your bot\'s username (or MAX_BOT_USERNAME, VK_GROUP_ID, ALICE_SKILL_NAME, ALEXA_SKILL_ID; README "Configuration")';
