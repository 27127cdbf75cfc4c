import fc from 'fast-check';
import { createAnswerService, EN_SUBJECTS, renderAnswer, type TAnswer, transliterate } from '../../core/answers';
import { numberWords } from '../../core/answers/locales/ru-numbers';
import { addDays, daysBetween } from '../../core/calendar/civil-date';
import type { TLessonItem } from '../../core/diary';
import type { TLang } from '../../core/i18n';
import { ingestValidEvents } from '../../core/ingest';
import type { TQuery } from '../../core/nlu';
import { generateDemoSchool } from '../../prisma/demo/demo-school';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { createJournalPort } from '../../prisma/stores/reminders/reminder-journal';
import { createDemoDatabase, DEMO_NOW, DEMO_TODAY, DEMO_TZ } from '../helpers/demo-database';
import { wordsToDigits } from '../helpers/spoken-numbers';
import type { TestDatabase } from '../helpers/test-database';
import {
  aliceFacts,
  countsWritten,
  gradeTally,
  journalGroups,
  lessonList,
  ssmlSections,
  ttsSections,
} from '../helpers/voice-reading';

// Properties of every voice answer over the demo school, for questions generated from its own
// people, children, subjects and days, in both languages:
// - a number said before a list is the number of items read (or left out, "и ещё 3"): a test is
//   part of its lesson and a cancelled lesson is said apart, never counted;
// - Alexa's English speech has no Cyrillic at all;
// - Alice's `text` (digits) and `tts` (words) say the same facts.
// The demo school is loaded as `seed-demo` loads it; then, the way a school's journal would send
// it, some lessons are cancelled and some lose their topic, so that cancellations meet every kind
// of day and teachers have journal gaps to hear about.

/** Grades, the timetable and the journal twice: they are where counts meet lists. */
const INTENTS = ['grades', 'grades', 'homework', 'schedule', 'schedule', 'balance', 'journal', 'journal'] as const;
/** Days whose second lesson is cancelled, in every class of the viewers. */
const CANCEL_DAYS = ['2026-11-30', '2026-12-02', '2026-12-03', '2026-12-08'];
/** The viewers' classes lose every lesson of these days: nothing is left to count. */
const ALL_CANCELLED_DAYS = ['2026-11-27', '2026-12-04'];
/** Held lessons of these days lose their topic: teachers' journals have gaps to count. */
const UNFILLED_DAYS = ['2026-11-25', '2026-12-01'];
/** Days asked about: any day of the demo window, or one of the days with cancellations. */
const DAY_OFFSETS = [...CANCEL_DAYS, ...ALL_CANCELLED_DAYS].map((d) => daysBetween(DEMO_TODAY, d));

interface TViewer {
  personId: string;
  children: string[];
}

describe('voice answers over the demo school (property)', () => {
  let db: TestDatabase;
  let viewers: TViewer[];
  let names: string[];
  let subjects: string[];
  let answers: ReturnType<typeof createAnswerService>;

  beforeAll(async () => {
    db = await createDemoDatabase();
    const people = await db.prisma.person.findMany({
      where: { id: { startsWith: 'demo-' } },
      select: { id: true, studentLinks: { select: { student: { select: { firstName: true, classId: true } } } } },
      orderBy: { id: 'asc' },
    });
    viewers = people.map((p) => ({ personId: p.id, children: p.studentLinks.map((l) => l.student.firstName) }));
    names = [...new Set((await db.prisma.student.findMany({ select: { firstName: true } })).map((s) => s.firstName))];
    subjects = (await db.prisma.subject.findMany({ select: { name: true } })).map((s) => s.name);
    const classes = [...new Set(people.flatMap((p) => p.studentLinks.map((l) => l.student.classId)))].sort();
    await reshapeLessons(db, classes);
    answers = createAnswerService({
      ...createReadModel(db, DEMO_TZ),
      defaultTimezone: DEMO_TZ,
      journal: createJournalPort(db),
    });
  });
  afterAll(() => db?.destroy());

  const question = () =>
    fc.record({
      viewer: fc.integer({ min: 0, max: viewers.length - 1 }),
      intent: fc.constantFrom(...INTENTS),
      day: fc.option(fc.oneof(fc.integer({ min: -16, max: 11 }), fc.constantFrom(...DAY_OFFSETS)), { nil: null }),
      span: fc.oneof(
        { arbitrary: fc.constant(null), weight: 3 },
        { arbitrary: fc.integer({ min: 1, max: 13 }), weight: 1 },
      ),
      // Mostly no subject: a subject asked about empties most days, and empty answers count nothing.
      subject: fc.oneof(
        { arbitrary: fc.constant(null), weight: 3 },
        { arbitrary: fc.constantFrom(...subjects), weight: 1 },
      ),
      child: fc.oneof(
        fc.constant(null),
        fc.integer({ min: 0, max: 3 }).map((i) => ({ own: i })),
        fc.constantFrom(...names).map((name) => ({ name })),
      ),
    });

  const ask = async (q: {
    viewer: number;
    intent: TQuery['intent'];
    day: number | null;
    span: number | null;
    subject: string | null;
    child: null | { own: number } | { name: string };
  }): Promise<TAnswer> => {
    const viewer = viewers[q.viewer];
    const date = q.day === null ? null : addDays(DEMO_TODAY, q.day);
    const child = q.child === null ? null : 'name' in q.child ? q.child.name : (viewer.children[q.child.own] ?? null);
    const query: TQuery = {
      intent: q.intent,
      date,
      dateTo: date && q.span ? addDays(date, q.span) : null,
      subject: q.subject,
      child,
    };
    return answers.answer(query, { personId: viewer.personId }, DEMO_NOW);
  };

  it('reads number words back as the numbers core says (the reading the properties rely on)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.constantFrom('m', 'f') as fc.Arbitrary<'m' | 'f'>,
        (n, g) => {
          expect(wordsToDigits(`ровно ${numberWords(n, g)} штук`)).toBe(`ровно ${n} штук`);
        },
      ),
    );
  });

  it('says as many lessons, grades and journal gaps as it counts, in Alice and Alexa speech', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(question(), async (q) => {
        const answer = await ask(q);
        for (const tag of coverage(answer)) seen.add(tag);
        for (const lang of ['ru', 'en'] as const)
          expectCountsMatch(answer, ttsSections(renderAnswer(answer, lang).tts), lang);
        expectCountsMatch(answer, ssmlSections(renderAnswer(answer, 'en').ssml), 'en');
      }),
      { numRuns: 600 },
    );
    // The questions did meet what the properties are about.
    expect([...seen]).toEqual(
      expect.arrayContaining(['test', 'cancelled', 'all-cancelled', 'grades', 'teacher', 'journal-gaps']),
    );
  });

  it('never puts Cyrillic into Alexa speech: homework written in Russian is named, not read', async () => {
    await fc.assert(
      fc.asyncProperty(question(), async (q) => {
        const answer = await ask(q);
        const { ssml } = renderAnswer(answer, 'en');
        expect(ssml).not.toMatch(/[\u0400-\u04FF]/);
        if (answer.kind !== 'homework') return;
        ssmlSections(ssml).forEach((said, i) => {
          if (/and \d+ more\.$/.test(said)) return;
          const inRussian = answer.sections[i].homework.filter((h) => /[\u0400-\u04FF]/.test(h.text)).length;
          expect(said.split('the task is written in Russian').length - 1).toBe(inRussian);
        });
      }),
      { numRuns: 250 },
    );
  });

  it("gives Alice's text and tts the same facts: digits shown, words spoken", async () => {
    await fc.assert(
      fc.asyncProperty(question(), fc.constantFrom<TLang>('ru', 'en'), async (q, lang) => {
        const { speech, tts } = renderAnswer(await ask(q), lang);
        expect(aliceFacts(tts, 'tts')).toBe(aliceFacts(speech, 'text'));
        // The text shows counts in digits; the Russian tts says them in words, for the nouns to agree.
        expect(countsWritten(speech).words).toEqual([]);
        if (lang === 'ru') {
          expect(countsWritten(tts).digits).toEqual([]);
          expect(tts).not.toContain('₽');
        }
      }),
      { numRuns: 250 },
    );
  });
});

/** Cancels lessons of the viewers' classes and clears topics, through ingestion as a school's journal would. */
async function reshapeLessons(db: TestDatabase, classes: string[]): Promise<void> {
  const events = generateDemoSchool({ today: DEMO_TODAY }).events.flatMap((e) => {
    if (e.type !== 'lesson.upserted' || !classes.includes(e.data.classId)) return [];
    const { date, lessonId, topic: _topic, ...rest } = e.data;
    if (UNFILLED_DAYS.includes(date))
      return [{ ...e, id: `${e.id}:voice-untitled`, data: { ...rest, date, lessonId } }];
    const second = CANCEL_DAYS.includes(date) && lessonId.endsWith('-2');
    if (!ALL_CANCELLED_DAYS.includes(date) && !second) return [];
    return [{ ...e, id: `${e.id}:voice-cancelled`, data: { ...e.data, cancelled: true } }];
  });
  await ingestValidEvents(createIngestStore(db), events, { defaultTimezone: DEMO_TZ, withOutbox: false });
}

/** What an answer shows that the properties are about, to check the questions reached it. */
function coverage(answer: TAnswer): string[] {
  if (answer.kind === 'teacher-schedule') return answer.lessons.length > 0 ? ['teacher'] : [];
  if (answer.kind === 'journal') return answer.lessons.length > 0 ? ['journal-gaps'] : [];
  if (answer.kind === 'grades') return answer.sections.some((s) => s.grades.length > 1) ? ['grades'] : [];
  if (answer.kind !== 'schedule') return [];
  const lessons = answer.sections.flatMap((s) => s.lessons);
  return [
    lessons.some((l) => l.isTest && !l.cancelled) && 'test',
    lessons.some((l) => l.cancelled) && 'cancelled',
    answer.sections.some((s) => s.lessons.length > 0 && s.lessons.every((l) => l.cancelled)) && 'all-cancelled',
  ].filter((tag): tag is string => Boolean(tag));
}

const subjectSaid = (subject: string, lang: TLang) =>
  lang === 'ru' ? subject.toLowerCase() : (EN_SUBJECTS[subject] ?? transliterate(subject));
const TEST_MARK: Record<TLang, string> = { ru: ' — контрольная', en: ' with a test' };
const CANCELLED = /отменён|отменены|cancelled/;

/** `sections`: the reply per student, numbers as digits (voice-reading.ts). */
function expectCountsMatch(answer: TAnswer, sections: string[], lang: TLang): void {
  switch (answer.kind) {
    case 'schedule':
      sections.forEach((said, i) => expectLessons(said, answer.sections[i].lessons, lang, true));
      return;
    case 'teacher-schedule':
      if (answer.lessons.length > 0) expectLessons(sections[0], answer.lessons, lang, false);
      return;
    case 'grades':
      sections.forEach((said, i) => {
        const { grades } = answer.sections[i];
        if (grades.length === 0) return;
        const tally = gradeTally(said);
        expect(tally).not.toBeNull();
        if (tally!.more === 0) expect(tally!.grades).toBe(grades.length);
      });
      return;
    case 'journal': {
      if (answer.lessons.length === 0 || sections[0].endsWith('…')) return;
      const read = journalGroups(sections[0]);
      expect(read?.head).toBe(answer.lessons.length);
      for (const group of read!.groups) expect(group.count).toBe(group.items.length + group.more);
      return;
    }
    default:
  }
}

function expectLessons(said: string, lessons: readonly TLessonItem[], lang: TLang, pupil: boolean): void {
  if (lessons.length === 0) return;
  const held = lessons.filter((l) => !l.cancelled);
  const cancelled = lessons.length - held.length;
  const list = lessonList(said);
  if (held.length === 0) {
    // Nothing takes place: no count at all, only what is cancelled.
    expect(list).toBeNull();
    expect(said).toMatch(CANCELLED);
    return;
  }
  expect(list).not.toBeNull();
  const { count, items, more } = list!;
  expect(count).toBe(held.length);
  expect(items.length + more).toBe(count);
  items.forEach((item, j) => {
    expect(item).toContain(subjectSaid(held[j].subject, lang));
    if (pupil) expect(item.endsWith(TEST_MARK[lang])).toBe(held[j].isTest);
  });
  // A truncated reply drops what follows the list; a whole one says the cancellations after it.
  if (cancelled > 0 && more === 0) expect(said.slice(said.indexOf(items[items.length - 1]))).toMatch(CANCELLED);
}
