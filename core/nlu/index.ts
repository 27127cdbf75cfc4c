export type { TChildPosition } from './child-position';
export {
  continueQuery,
  currentContext,
  DIARY_INTENTS,
  FRAGMENT_CHOICES,
  isDiaryIntent,
  parseTurn,
  QUERY_CONTEXT_TTL_MS,
  type TQueryContext,
  type TTurnReading,
  type TurnOptions,
} from './follow-up';
export { formatQueryJson } from './format-query';
export { classifyIntent } from './intent';
export { parseUtterance } from './parse-utterance';
export { DEFAULT_TZ, schoolToday } from './school-day';
export { SUBJECT_LEXICON } from './subject-lexicon';
export { CANONICAL_SUBJECTS } from './subjects';
export { detectLang, tokenize } from './tokenize';
export type { ParseOptions, TIntent, TQuery } from './types';
export { INTENTS, ZIntentSchema, ZQuerySchema, ZTargetMarkSchema, ZTermMentionSchema } from './types';
