/** Everything the Alice skill itself says; answers about the diary come from core renderers. */
export interface TAliceTexts {
  greetingLinked: string;
  greetingNew: string;
  askCode: string;
  /** Said with the start_account_linking directive. */
  accountLinking: string;
  consentRepeat: string;
  dangerous: string;
  didNotHear: string;
  /** Alerts and settings live in the chat bots, not in a voice skill. */
  elsewhere: string;
  pong: string;
  suggestions: string[];
  yes: string[];
  no: string[];
}
