import type { AnswerService } from '../../core/answers';
import type { LinkService, TChatRef } from '../../core/linking';
import type { TVoiceLogger } from './voice-logger';

/** What a voice skill (Alice, Alexa) is built from: the same core services for every platform. */
export interface VoiceSkillDeps {
  /** The platform's skill id (ALICE_SKILL_ID, ALEXA_SKILL_ID): requests for any other skill are refused. */
  skillId: string;
  answers: AnswerService;
  linking: LinkService;
  /** The zone relative dates ("завтра", "tomorrow") are counted in for a person without a school yet. */
  timezone: string;
  /**
   * OAuth account linking: the chat a token was issued for (the sign-in page links it, consent
   * included). Without it, people say their code.
   */
  chatForToken?: (accessToken: string) => Promise<TChatRef | null>;
  logger?: TVoiceLogger;
  now?: () => Date;
}
