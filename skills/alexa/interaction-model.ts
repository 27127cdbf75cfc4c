import { EN_SUBJECTS } from '../../core/answers';
import { SUBJECT_LEXICON } from '../../core/nlu';

// The skill's intents, slots and sample utterances, as the code reads them. The interaction model
// shipped to Amazon (skill-package/interactionModels/custom/en-US.json) is generated from this by
// `npm run alexa:model`, and a test fails when the committed file differs: they cannot drift.

export const INVOCATION_NAME = 'school diary';

export const SUBJECT_SLOT_TYPE = 'SUBJECT';

/** Slot names the handlers read. */
export const SLOTS = { date: 'date', subject: 'subject', child: 'child', code: 'code' } as const;

const date = { name: SLOTS.date, type: 'AMAZON.DATE' };
const subject = { name: SLOTS.subject, type: SUBJECT_SLOT_TYPE };
const child = { name: SLOTS.child, type: 'AMAZON.FirstName' };

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
} as const;

// Amazon's rules for samples: a slot stands alone between spaces ("{child}'s" is refused), and
// one sample belongs to one intent only; the model test checks both.
export const CUSTOM_INTENTS: TIntentDefinition[] = [
  {
    name: 'GradesIntent',
    slots: [date, subject, child],
    samples: [
      'what grades did I get',
      'what grades did I get {date}',
      'what grades did {child} get',
      'what grades did {child} get {date}',
      'what grades did {child} get in {subject}',
      'what did I get in {subject}',
      'what did I get in {subject} {date}',
      'what did {child} get in {subject} {date}',
      'any grades {date}',
      'any new grades',
      'my grades',
      'my grades {date}',
      'my {subject} grades',
      '{child} grades',
      '{child} grades {date}',
      'grades in {subject}',
      'grades for {child}',
      'what marks did {child} get {date}',
      'what marks did I get {date}',
    ],
  },
  {
    name: 'HomeworkIntent',
    slots: [date, subject, child],
    samples: [
      'what is my homework',
      "what's my homework",
      "what's my homework {date}",
      "what's my {subject} homework",
      "what's my {subject} homework for {date}",
      'what is my {subject} homework',
      'what homework is due {date}',
      'what homework do I have {date}',
      'what homework does {child} have {date}',
      'what is the homework for {child} {date}',
      'homework for {date}',
      'homework in {subject}',
      '{subject} homework',
      '{subject} homework for {date}',
      'what was set in {subject}',
      'what do I have to do for {subject}',
      'what do I need to do for {date}',
    ],
  },
  {
    name: 'ScheduleIntent',
    slots: [date, subject, child],
    samples: [
      'do I have {subject} {date}',
      'does {child} have {subject} {date}',
      'what lessons do I have {date}',
      'what lessons does {child} have {date}',
      'what is my timetable {date}',
      "what's my timetable for {date}",
      "what's my schedule {date}",
      'what is the schedule for {date}',
      'timetable for {date}',
      'schedule for {date}',
      'when does school start {date}',
      'my lessons {date}',
    ],
  },
  {
    name: 'BalanceIntent',
    slots: [child],
    samples: [
      'what is the canteen balance',
      "what's my lunch balance",
      'how much money is on my card',
      'how much money is on the card of {child}',
      'how much money does {child} have for lunch',
      'canteen balance',
      'lunch money',
    ],
  },
  {
    name: 'JournalIntent',
    slots: [date],
    samples: [
      'which lessons are not filled in',
      'which lessons are not filled in {date}',
      'what lessons have I not filled in',
      'unfilled lessons',
      'which journal entries are incomplete',
      'what is missing in my journal',
      'which lessons have no topic',
    ],
  },
  {
    name: 'FollowUpIntent',
    slots: [date, subject, child],
    samples: [
      'what about {subject}',
      'and {subject}',
      'and in {subject}',
      'what about {date}',
      'and {date}',
      'how about {date}',
      'what about {child}',
      'and for {child}',
      'how about {child}',
    ],
  },
  {
    name: 'LinkCodeIntent',
    slots: [{ name: SLOTS.code, type: 'AMAZON.NUMBER' }],
    samples: ['my code is {code}', 'the code is {code}', 'code {code}', 'link code {code}', 'connect with code {code}'],
  },
  {
    name: 'ForgetIntent',
    slots: [],
    samples: ['forget me', 'delete my data', 'unlink me', 'remove my data', 'disconnect the diary'],
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
        types: [{ name: SUBJECT_SLOT_TYPE, values: subjectSlotValues() }],
      },
    },
  };
}
