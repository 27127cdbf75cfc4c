/** Everything the Alice skill itself says; answers about the diary come from core renderers. */
export interface TAliceTexts {
  greetingLinked: string;
  greetingNew: string;
  /** «Помощь», «Что ты умеешь» before the diary is connected: what the skill does and how to connect it. */
  helpNew: string;
  /** The same once it is connected: what to ask. */
  helpLinked: string;
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
  /** Buttons under "оценки или домашнее задание?". */
  choices: { grades: string; homework: string };
}
