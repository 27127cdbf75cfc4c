// Questions are limited per chat (abuse limit, SECURITY.md): a script hammering the bot gets a
// polite "please wait", not the diary read thirty times a second.

export const QUESTIONS_PER_MINUTE = 30;

export interface QuestionLimiter {
  /** Counts one question for the key; false when the key is over its limit for this window. */
  allow(key: string): Promise<boolean>;
}
