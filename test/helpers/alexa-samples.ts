import { buildInteractionModel, CUSTOM_INTENTS } from '../../skills/alexa';

// Which intents' samples a heard request fits, as Alexa would match it literally: each slot filled
// with what its type may hear — a value of our own slot types, a first name, words for a date, digits.

export const ALL_SAMPLES = CUSTOM_INTENTS.flatMap((intent) =>
  intent.samples.map((sample) => ({ intent: intent.name, sample })),
);

const BUILT_IN_TYPES: Record<string, string> = {
  'AMAZON.DATE': '[a-z ]+',
  'AMAZON.FirstName': '[a-z]+',
  'AMAZON.NUMBER': '[0-9 ]+',
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OWN_TYPES: Record<string, string> = Object.fromEntries(
  buildInteractionModel().interactionModel.languageModel.types.map((type) => [
    type.name,
    `(${type.values.flatMap((v) => [v.name.value, ...v.name.synonyms].map(escape)).join('|')})`,
  ]),
);

function samplePattern(intent: (typeof CUSTOM_INTENTS)[number], sample: string): RegExp {
  const typeOf = new Map(intent.slots.map((s) => [s.name, s.type]));
  const body = sample.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const type = typeOf.get(slot) ?? '';
    return BUILT_IN_TYPES[type] ?? OWN_TYPES[type];
  });
  return new RegExp(`^${body}$`, 'i');
}

const PATTERNS = CUSTOM_INTENTS.flatMap((intent) =>
  intent.samples.map((sample) => ({ intent: intent.name, pattern: samplePattern(intent, sample) })),
);

export function intentsMatching(request: string): string[] {
  return [...new Set(PATTERNS.filter((p) => p.pattern.test(request)).map((p) => p.intent))];
}
