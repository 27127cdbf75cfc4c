import { EN_SUBJECTS } from '../../core/answers';
import { SUBJECT_LEXICON } from '../../core/nlu';
import { INTENT_SAMPLES } from './carriers';
import { CONSENT_ANSWER_SLOT_TYPE, consentAnswerSlotValues } from './consent-answer-slot';
import { TARGET_SLOT_TYPE, TERM_SLOT_TYPE, targetSlotValues, termSlotValues } from './term-slots';

// The skill's intents, slots and sample utterances, as the code reads them. The interaction models
// shipped to Amazon (skill-package/interactionModels/custom/<locale>.json) are generated from this
// by `npm run alexa:model`, and a test fails when a committed file differs: they cannot drift.

export const INVOCATION_NAME = 'school diary';

/**
 * The locales the skill is published in: every English one Alexa has, since the skill answers all
 * of them in English (docs/platforms.md). One interaction model each, the same model.
 */
export const ALEXA_LOCALES = ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN'] as const;

export const SUBJECT_SLOT_TYPE = 'SUBJECT';

/** Slot names the handlers read. */
export const SLOTS = {
  date: 'date',
  subject: 'subject',
  child: 'child',
  term: 'term',
  target: 'target',
  code: 'code',
  answer: 'answer',
} as const;

const date = { name: SLOTS.date, type: 'AMAZON.DATE' };
const subject = { name: SLOTS.subject, type: SUBJECT_SLOT_TYPE };
const child = { name: SLOTS.child, type: 'AMAZON.FirstName' };
const term = { name: SLOTS.term, type: TERM_SLOT_TYPE };
const target = { name: SLOTS.target, type: TARGET_SLOT_TYPE };

export interface TIntentDefinition {
  name: string;
  slots: { name: string; type: string }[];
  samples: string[];
}

export const DIARY_INTENT_NAMES = {
  GradesIntent: 'grades',
  HomeworkIntent: 'homework',
  ScheduleIntent: 'schedule',
  BalanceIntent: 'balance',
  JournalIntent: 'journal',
  AverageIntent: 'average',
  FinalGradesIntent: 'final-grades',
  NeededIntent: 'needed',
  TopicsIntent: 'topics',
  PresenceIntent: 'presence',
  AbsencesIntent: 'absences',
  TestsIntent: 'tests',
  EventsIntent: 'events',
} as const;

// Amazon's rules for samples: a slot stands alone between spaces ("{child}'s" is refused), and
// one sample belongs to one intent only; the model test checks both. The samples themselves are
// written as carriers, one file per intent (./carriers).
export const CUSTOM_INTENTS: TIntentDefinition[] = [
  { name: 'GradesIntent', slots: [date, subject, child], samples: INTENT_SAMPLES.GradesIntent },
  { name: 'HomeworkIntent', slots: [date, subject, child], samples: INTENT_SAMPLES.HomeworkIntent },
  { name: 'ScheduleIntent', slots: [date, subject, child], samples: INTENT_SAMPLES.ScheduleIntent },
  { name: 'BalanceIntent', slots: [child], samples: INTENT_SAMPLES.BalanceIntent },
  { name: 'JournalIntent', slots: [date], samples: INTENT_SAMPLES.JournalIntent },
  // Term questions (core/answers/term-answers.ts): a period named by the TERM type, "this term" when none is.
  { name: 'AverageIntent', slots: [subject, child, term], samples: INTENT_SAMPLES.AverageIntent },
  { name: 'FinalGradesIntent', slots: [subject, child, term], samples: INTENT_SAMPLES.FinalGradesIntent },
  { name: 'NeededIntent', slots: [subject, child, term, target], samples: INTENT_SAMPLES.NeededIntent },
  { name: 'TopicsIntent', slots: [subject, child, term], samples: INTENT_SAMPLES.TopicsIntent },
  // Turnstile passes of a day, and attendance: of a period (TERM, or days said) or of a subject's lessons of a day.
  { name: 'PresenceIntent', slots: [date, child], samples: INTENT_SAMPLES.PresenceIntent },
  { name: 'AbsencesIntent', slots: [date, subject, child, term], samples: INTENT_SAMPLES.AbsencesIntent },
  // What is coming: tests (a subject's next one when a subject is said) and school events; a date said looks ahead.
  { name: 'TestsIntent', slots: [date, subject, child], samples: INTENT_SAMPLES.TestsIntent },
  { name: 'EventsIntent', slots: [date, child], samples: INTENT_SAMPLES.EventsIntent },
  { name: 'FollowUpIntent', slots: [date, subject, child, term, target], samples: INTENT_SAMPLES.FollowUpIntent },
  {
    name: 'LinkCodeIntent',
    slots: [{ name: SLOTS.code, type: 'AMAZON.NUMBER' }],
    samples: INTENT_SAMPLES.LinkCodeIntent,
  },
  { name: 'ForgetIntent', slots: [], samples: INTENT_SAMPLES.ForgetIntent },
  // The consent question answered in words of one's own (./consent-answer-slot.ts).
  {
    name: 'ConsentAnswerIntent',
    slots: [{ name: SLOTS.answer, type: CONSENT_ANSWER_SLOT_TYPE }],
    samples: ['{answer}'],
  },
];

const BUILT_IN_INTENTS = [
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.FallbackIntent',
  'AMAZON.NavigateHomeIntent',
  'AMAZON.YesIntent',
  'AMAZON.NoIntent',
];

/** English names people use for each subject: the core lexicon's English phrases (single forms). */
function subjectSynonyms(canonical: string, value: string): string[] {
  const phrases = SUBJECT_LEXICON[canonical]?.phrases ?? [];
  const english = phrases.filter((p) => /^[a-z][a-z .]*$/.test(p) && p !== value.toLowerCase());
  return [...new Set(english)];
}

export function subjectSlotValues() {
  return Object.entries(EN_SUBJECTS).map(([canonical, value]) => ({
    id: value.toUpperCase().replace(/[^A-Z0-9]+/g, '_'),
    name: { value, synonyms: subjectSynonyms(canonical, value) },
  }));
}

/** The interaction model JSON as the Alexa developer console and ASK CLI take it. */
export function buildInteractionModel() {
  return {
    interactionModel: {
      languageModel: {
        invocationName: INVOCATION_NAME,
        intents: [
          ...CUSTOM_INTENTS.map((i) => ({ name: i.name, slots: i.slots, samples: i.samples })),
          ...BUILT_IN_INTENTS.map((name) => ({ name, samples: [] })),
        ],
        types: [
          { name: SUBJECT_SLOT_TYPE, values: subjectSlotValues() },
          { name: CONSENT_ANSWER_SLOT_TYPE, values: consentAnswerSlotValues() },
          { name: TERM_SLOT_TYPE, values: termSlotValues() },
          { name: TARGET_SLOT_TYPE, values: targetSlotValues() },
        ],
      },
    },
  };
}
