export { parseUtterance } from './parse-utterance';
export { formatQueryJson } from './format-query';
export { CANONICAL_SUBJECTS } from './subjects';
export { detectLang } from './tokenize';
export { DEFAULT_TZ } from './school-day';
export { INTENTS, ZIntentSchema, ZQuerySchema } from './types';
export type { ParseOptions, TIntent, TQuery } from './types';
