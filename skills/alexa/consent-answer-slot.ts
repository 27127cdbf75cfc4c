// What people say to the consent question besides a bare "yes" or "no". Amazon sends those two to
// AMAZON.YesIntent and AMAZON.NoIntent; "yes please" or "I don't agree" would otherwise land in
// AMAZON.FallbackIntent, which carries no words at all. ConsentAnswerIntent takes the whole answer
// into one slot, and the skill reads it by the rule every channel uses (core/input readYesNo).
// These values only teach Amazon's recognizer what such answers sound like: the skill never trusts
// the value Amazon resolves them to, and a test checks that the rule reads each one as its side.

export const CONSENT_ANSWER_SLOT_TYPE = 'CONSENT_ANSWER';

export const CONSENT_ANSWER_PHRASES = {
  YES: [
    'yes please',
    'sure',
    'of course',
    'I agree',
    'yes I agree',
    'I do agree',
    'go ahead',
    'okay',
    'alright',
    'yeah sure',
    'yep',
    'absolutely',
    'certainly',
    'why not',
    "I don't mind",
    'fine',
  ],
  NO: [
    'no thanks',
    'no thank you',
    'nope',
    'nah',
    "I don't agree",
    'I do not agree',
    'I disagree',
    'I decline',
    'I refuse',
    "don't",
    'not now',
    'no way',
    'of course not',
    "I don't want to",
  ],
} as const;

/** The slot type's values: one per side, its first phrase as the value and the rest as synonyms. */
export function consentAnswerSlotValues() {
  return Object.entries(CONSENT_ANSWER_PHRASES).map(([id, [value, ...synonyms]]) => ({
    id,
    name: { value, synonyms },
  }));
}
