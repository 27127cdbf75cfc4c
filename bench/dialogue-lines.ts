// The dialogue every channel is measured on: a parent of the demo school's Sokolov family
// (Артём, 5А, linked first; Дарья, 9В, second) moving between the children, days, subjects and
// sections (grades, homework, canteen money) as parents do, mostly in follow-ups. Each turn comes
// with the whole question it stands for, which the same channel is also asked on its own: the
// single question the turn is set against.

/** [said in the dialogue, the whole question it stands for]. */
export const DIALOGUE_RU: readonly (readonly [said: string, whole: string])[] = [
  ['какие оценки у Даши за неделю?', 'какие оценки у Даши за неделю?'],
  ['а по алгебре?', 'какие оценки у Даши по алгебре за неделю?'],
  ['а что задали на завтра?', 'что задали Даше по алгебре на завтра?'],
  ['а у Артёма по математике?', 'что задали Артёму по математике на завтра?'],
  ['а в пятницу?', 'что задали Артёму по математике на пятницу?'],
  ['а оценки за неделю?', 'какие оценки у Артёма по математике за неделю?'],
  ['а у второго по геометрии?', 'какие оценки у Дарьи по геометрии за неделю?'],
  ['а вчера?', 'какие оценки у Дарьи по геометрии вчера?'],
  ['а сколько денег на карте?', 'сколько денег на карте у Дарьи?'],
  ['а у Артёма?', 'сколько денег на карте у Артёма?'],
];

/** An Alexa intent as the interaction model delivers it: its name and the slots heard. */
export interface TAlexaIntent {
  name: string;
  slots: Record<string, string>;
}

const grades = (slots: Record<string, string>): TAlexaIntent => ({ name: 'GradesIntent', slots });
const homework = (slots: Record<string, string>): TAlexaIntent => ({ name: 'HomeworkIntent', slots });
const balance = (slots: Record<string, string>): TAlexaIntent => ({ name: 'BalanceIntent', slots });
const followUp = (slots: Record<string, string>): TAlexaIntent => ({ name: 'FollowUpIntent', slots });

/**
 * The same kind of dialogue in English for Alexa, whose follow-ups arrive as FollowUpIntent with
 * the slots heard ("what about physics?") and whose new questions arrive as diary intents. Dates
 * are AMAZON.DATE values as Alexa resolves them on Wednesday 2 December 2026 (week 49).
 */
export const DIALOGUE_ALEXA: readonly (readonly [said: TAlexaIntent, whole: TAlexaIntent])[] = [
  [grades({ child: 'Darya', date: '2026-W49' }), grades({ child: 'Darya', date: '2026-W49' })],
  [followUp({ subject: 'algebra' }), grades({ child: 'Darya', subject: 'algebra', date: '2026-W49' })],
  [
    homework({ child: 'Darya', subject: 'algebra', date: '2026-12-03' }),
    homework({ child: 'Darya', subject: 'algebra', date: '2026-12-03' }),
  ],
  [
    followUp({ child: 'Artyom', subject: 'maths' }),
    homework({ child: 'Artyom', subject: 'maths', date: '2026-12-03' }),
  ],
  [followUp({ date: '2026-12-04' }), homework({ child: 'Artyom', subject: 'maths', date: '2026-12-04' })],
  [
    grades({ child: 'Artyom', subject: 'maths', date: '2026-W49' }),
    grades({ child: 'Artyom', subject: 'maths', date: '2026-W49' }),
  ],
  [
    followUp({ child: 'Darya', subject: 'geometry' }),
    grades({ child: 'Darya', subject: 'geometry', date: '2026-W49' }),
  ],
  [followUp({ date: '2026-12-01' }), grades({ child: 'Darya', subject: 'geometry', date: '2026-12-01' })],
  [balance({ child: 'Darya' }), balance({ child: 'Darya' })],
  [followUp({ child: 'Artyom' }), balance({ child: 'Artyom' })],
];
