import { OPERATOR_VIEWER_ID, type TAccessEntry, type TViewerRole } from '../access/access-log-port';
import type { AccessReader, TViewerScope } from '../access/access-port';
import type { QuestionLimiter } from '../access/question-limiter-port';
import { grantsFor, type TTeacherGrant } from '../access/teacher-reach';
import { chooseStudents } from '../access/viewer-access';
import type { TChartImage, TermChartRenderer } from '../charts';
import type { DiaryReader } from '../diary/diary-port';
import type { TDiaryStudent } from '../diary/diary-types';
import { weightedAverage } from '../diary/grade-average';
import type { TLang } from '../i18n';
import { FRAGMENT_CHOICES, isDiaryIntent, parseTurn, type TQueryContext } from '../nlu/follow-up';
import { TERM_INTENTS } from '../nlu/parse-utterance';
import { detectLang } from '../nlu/tokenize';
import type { TIntent, TQuery } from '../nlu/types';
import type { PresenceReader } from '../presence/presence-port';
import type { JournalPort } from '../reminders/reminder-ports';
import type { ComingReader } from '../school-news/coming-port';
import type { TermReader } from '../terms/term-port';
import { answerPeriod } from './answer-period';
import { INTENT_ACTIONS, type TAnswer, type TPeriod, type TStudentRef, type TViewer } from './answer-types';
import { attendanceAnswer } from './attendance-route';
import { comingAnswer } from './coming-answers';
import { explainEmpty, teacherDayOff } from './empty-reasons';
import { positionedChild } from './positioned-child';
import { cachedSchoolTerms } from './school-terms-cache';
import { teacherJournalAnswer } from './teacher-journal';
import { termAnswer } from './term-answers';
import { termCharts } from './term-charts';

export interface AnswerDeps {
  access: AccessReader;
  diary: DiaryReader;
  /** The zone of "today" for a person without any link yet. */
  defaultTimezone: string;
  /** The real clock for the access log (the `now` of a question may be a chosen day). */
  clock?: () => Date;
  /** Questions per chat (channel and person) and minute; none = unlimited (tests, the CLI). */
  limiter?: QuestionLimiter;
  /** A teacher's journal: which lessons are incomplete, and holding reminders. */
  journal?: JournalPort;
  /** Term results (averages, fixed marks); without it term questions are not understood. */
  terms?: TermReader;
  /** Draws term charts (infra/charts); without it a chart is not offered and not understood. */
  charts?: TermChartRenderer;
  /** Turnstile passes and attendance; without it presence and absences questions are not understood. */
  presence?: PresenceReader;
  /** Tests and school events coming; without it those questions are not understood. */
  coming?: ComingReader;
}

export interface AnswerService {
  /** The viewer is who asks; which students they see is decided here, never by the caller. */
  answer(query: TQuery, viewer: TViewer, now: Date): Promise<TAnswer>;
  /**
   * Parse and answer in one go, reading the viewer's links once: the parser needs the school's
   * zone for "today", the renderer the language (the utterance's, else the person's).
   */
  ask(text: string, viewer: TViewer, now: Date, options?: AskOptions): Promise<TAsked>;
  /**
   * The dialogue's previous question with what a button chose for it: the intent a fragment was
   * asked about ("оценки или домашнее задание?") or a child by position in link order.
   */
  resume(choice: TResumeChoice, viewer: TViewer, now: Date, options?: AskOptions): Promise<TAsked>;
  /**
   * A child's current period as pictures: one subject's when `subject` is named, else the grid of
   * all. Only the viewer's own children (a family's or a pupil's): a teacher's grants show no chart.
   * Absent without a renderer or term results: then the channels offer no chart.
   */
  chart?(request: TChartRequest, viewer: TViewer, now: Date, lang: TLang): Promise<TChartAnswer>;
}

export interface TChartRequest {
  /** A first name, as a question names the child; or the position in link order (a button). */
  child: string | number | null;
  subject: string | null;
}

/** Pictures (or their captions alone, with no grades), else the answer that says why not (a refusal…). */
export type TChartAnswer = { kind: 'charts'; images: TChartImage[] } | { kind: 'answer'; answer: TAnswer };

export interface TResumeChoice {
  intent?: TIntent;
  /** 0-based, in link order (the menus' child switcher). */
  childIndex?: number;
}

export interface AskOptions {
  /** The language to answer in; else the utterance's, else the person's. */
  lang?: TLang;
  /** The dialogue's previous question, still current: the text may be a follow-up to it ("а по физике?"). */
  previous?: TQueryContext | null;
  /** Fills slots the parser missed from what the platform recognised (Alice's entities). */
  fill?: (own: TQuery) => TQuery;
}

export interface TAsked {
  query: TQuery;
  answer: TAnswer;
  lang: TLang;
  /** What the dialogue should remember for the next turn; null: this turn changes nothing there. */
  remember: TQueryContext | null;
}

function ref(s: TDiaryStudent): TStudentRef {
  return { id: s.id, firstName: s.firstName, lastName: s.lastName, className: s.className };
}

export function createAnswerService(deps: AnswerDeps): AnswerService {
  const clock = deps.clock ?? (() => new Date());
  const terms = deps.terms ? cachedSchoolTerms(deps.terms, clock) : null;

  /**
   * One access-log entry per student whose data the answer shows, with whom the viewer is to that
   * student: a teacher when the teacher's grants opened it, else the link's role.
   */
  function accessEntries(
    students: readonly TDiaryStudent[],
    viewer: TViewer,
    scope: TViewerScope,
    intent: string,
    byGrants: boolean,
  ): TAccessEntry[] {
    const at = clock();
    const channel = viewer.channel ?? 'unknown';
    const viewerId = viewer.operator ? OPERATOR_VIEWER_ID : viewer.personId;
    const roleOf = (studentId: string): TViewerRole =>
      viewer.operator
        ? 'operator'
        : byGrants
          ? 'teacher'
          : scope.selfStudentIds.includes(studentId)
            ? 'student'
            : 'guardian';
    return students.map((s) => ({ viewerId, studentId: s.id, channel, intent, viewerRole: roleOf(s.id), at }));
  }

  async function diaryAnswer(query: TQuery, scope: TViewerScope, now: Date, viewer: TViewer): Promise<TAnswer> {
    const period = answerPeriod(query.intent, query.date, query.dateTo, now, scope.timezone ?? deps.defaultTimezone);
    const isTeacher = scope.teacherIds.length > 0;
    if (isTeacher && !query.child && scope.linkedStudents.length === 0) {
      if (query.intent !== 'schedule') return { kind: 'ask-child' };
      const lessons = filterSubject(await deps.diary.teacherLessons(scope.teacherIds, period), query.subject);
      return { kind: 'teacher-schedule', period, lessons, dayOff: teacherDayOff(period, lessons, query.subject) };
    }
    let choice = chooseStudents(scope, query.child);
    // A teacher's pupils are read only when a name is not one of the teacher's own children, and
    // then only what the teacher's grants show (core/access/teacher-reach.ts). Canteen money is
    // the family's business, not the teacher's.
    let grants: TTeacherGrant[] | null = null;
    if (choice.kind === 'refused' && isTeacher && query.intent !== 'balance') {
      const reach = await deps.access.teacherReach(scope.teacherIds, now);
      choice = chooseStudents(scope, query.child, reach.students);
      if (choice.kind === 'students') grants = grantsFor(reach.grants, choice.students);
    }
    if (choice.kind === 'refused') return { kind: 'refused' };
    if (choice.kind === 'none') return { kind: 'not-linked' };
    const entries = accessEntries(choice.students, viewer, scope, query.intent, grants !== null);
    if (TERM_INTENTS.has(query.intent) && terms)
      return termAnswer(query, choice.students, choice.students.map(ref), terms, entries, grants, now);
    // The access log is written by the read itself: no answer is returned before its entry is stored.
    const answer = await readSections(query, period, choice.students, entries, grants);
    // A teacher's grants show a part of a class's timetable, and what that part lacks tells
    // nothing about the class: their empty answers keep the plain wording.
    return grants === null ? explainEmpty(answer, choice.students, deps.diary) : answer;
  }

  async function readSections(
    query: TQuery,
    period: TPeriod,
    students: TDiaryStudent[],
    entries: TAccessEntry[],
    grants: TTeacherGrant[] | null,
  ): Promise<TAnswer> {
    const wants = {
      grades: query.intent === 'grades',
      homework: query.intent === 'homework',
      lessons: query.intent === 'schedule',
      canteen: query.intent === 'balance',
    };
    const subject = query.subject;
    // A day's school events are read beside its timetable, not after it: one round trip's wait, not two.
    const [diaries, events] = await Promise.all([
      deps.diary.studentDiaries(students, period, wants, entries, grants),
      query.intent === 'schedule' ? dayEvents(students, period, subject) : null,
    ]);
    switch (query.intent) {
      case 'grades':
        return {
          kind: 'grades',
          period,
          subject,
          sections: students.map((s, i) => {
            const grades = filterSubject(diaries[i].grades, subject);
            return { student: ref(s), grades, average: weightedAverage(grades) };
          }),
        };
      case 'homework':
        return {
          kind: 'homework',
          period,
          subject,
          sections: students.map((s, i) => ({
            student: ref(s),
            homework: filterSubject(diaries[i].homework, subject),
          })),
        };
      case 'schedule':
        return {
          kind: 'schedule',
          period,
          subject,
          sections: students.map((s, i) => ({
            student: ref(s),
            lessons: filterSubject(diaries[i].lessons, subject),
            ...(events?.[i].length ? { events: events[i] } : {}),
          })),
        };
      default:
        return {
          kind: 'balance',
          sections: students.map((s, i) => ({
            student: ref(s),
            canteen: diaries[i].canteen ?? { balanceKopecks: null, recent: [] },
          })),
        };
    }
  }

  /**
   * A day's school events beside its timetable («что завтра в школе»): one day and no subject
   * asked. The diary's statement has just logged these students, so this read logs nothing more.
   */
  async function dayEvents(students: TDiaryStudent[], period: TPeriod, subject: string | null) {
    if (!deps.coming || subject || period.from !== period.to) return null;
    const range = { from: period.from, to: period.to };
    return deps.coming.events(
      students.map((s) => ({ studentId: s.id, range })),
      [],
    );
  }

  async function answerFor(query: TQuery, scope: TViewerScope | null, now: Date, viewer: TViewer): Promise<TAnswer> {
    if (!scope) return { kind: 'no-person' };
    const action = INTENT_ACTIONS[query.intent];
    if (action) {
      // An action never names students outside the viewer's links either.
      const choice = chooseStudents(scope, query.child);
      if (choice.kind === 'refused') return { kind: 'refused' };
      return { kind: 'action', action, students: choice.kind === 'students' ? choice.students.map(ref) : [] };
    }
    if (query.intent === 'help') return { kind: 'help' };
    if (query.intent === 'journal' || query.intent === 'snooze') {
      return teacherJournalAnswer(query, scope.teacherIds, scope.timezone ?? deps.defaultTimezone, now, deps.journal);
    }
    if (query.intent === 'presence' || query.intent === 'absences') {
      if (!deps.presence) return { kind: 'unknown' };
      const entriesFor = (students: readonly TDiaryStudent[], byGrants: boolean) =>
        accessEntries(students, viewer, scope, query.intent, byGrants);
      return attendanceAnswer({ access: deps.access, presence: deps.presence, terms, entriesFor }, query, scope, now);
    }
    if (query.intent === 'tests' || query.intent === 'events') {
      if (!deps.coming) return { kind: 'unknown' };
      const entriesFor = (students: readonly TDiaryStudent[], byGrants: boolean) =>
        accessEntries(students, viewer, scope, query.intent, byGrants);
      const route = { access: deps.access, coming: deps.coming, entriesFor };
      return comingAnswer(route, query, scope, now, deps.defaultTimezone);
    }
    if (!isDiaryIntent(query.intent) || (TERM_INTENTS.has(query.intent) && !deps.terms)) return { kind: 'unknown' };
    return diaryAnswer(query, scope, now, viewer);
  }

  /** The scope read with the chat in this turn when there is one for this very person, else a read of its own. */
  const scopeOf = (viewer: TViewer): Promise<TViewerScope | null> | TViewerScope =>
    viewer.scope && viewer.scope.personId === viewer.personId ? viewer.scope : deps.access.viewerScope(viewer.personId);

  const overLimit = async (viewer: TViewer) =>
    deps.limiter !== undefined && !(await deps.limiter.allow(`${viewer.channel ?? 'unknown'}:${viewer.personId}`));

  async function chartFor(
    renderer: TermChartRenderer,
    reader: TermReader,
    request: TChartRequest,
    scope: TViewerScope | null,
    viewer: TViewer,
    now: Date,
    lang: TLang,
  ): Promise<TChartAnswer> {
    const say = (answer: TAnswer): TChartAnswer => ({ kind: 'answer', answer });
    if (!scope) return say({ kind: 'no-person' });
    const name =
      typeof request.child === 'number' ? (scope.linkedStudents[request.child]?.firstName ?? null) : request.child;
    const choice = chooseStudents(scope, name);
    if (choice.kind === 'refused') return say({ kind: 'refused' });
    if (choice.kind === 'none') return say({ kind: 'not-linked' });
    const entries = accessEntries(choice.students, viewer, scope, 'chart', false);
    const drawn = await termCharts(request.subject, choice.students, reader, renderer, entries, now, lang);
    return drawn.kind === 'charts' ? drawn : say(drawn);
  }

  const renderer = deps.charts;
  const chart: AnswerService['chart'] =
    renderer && terms
      ? async (request, viewer, now, lang) => {
          if (await overLimit(viewer)) return { kind: 'answer', answer: { kind: 'slow-down' } };
          return chartFor(renderer, terms, request, await scopeOf(viewer), viewer, now, lang);
        }
      : undefined;

  return {
    ...(chart ? { chart } : {}),
    async answer(query, viewer, now) {
      if (await overLimit(viewer)) return { kind: 'slow-down' };
      return answerFor(query, await scopeOf(viewer), now, viewer);
    },
    async ask(text, viewer, now, options = {}) {
      const scope = await scopeOf(viewer);
      const lang = options.lang ?? (text.trim() ? detectLang(text) : (scope?.locale ?? 'ru'));
      const previous = options.previous ?? null;
      const reading = parseTurn(text, {
        lang,
        now,
        tz: scope?.timezone ?? deps.defaultTimezone,
        previous,
        fill: options.fill,
      });
      let query = reading.query;
      // A picture is not an answer in words: the chats draw it through chart(), which counts the
      // question; a channel without pictures (voice) says it did not understand.
      if (query.intent === 'chart') return { query, answer: { kind: 'unknown' }, lang, remember: null };
      if (await overLimit(viewer)) return { query, answer: { kind: 'slow-down' }, lang, remember: null };
      if (reading.fragment)
        return {
          query,
          answer: { kind: 'clarify', subject: query.subject, choices: [...FRAGMENT_CHOICES] },
          lang,
          remember: query,
        };
      if (reading.childPosition && scope) {
        const child = positionedChild(scope, reading.childPosition, previous?.child ?? null);
        if (!child) {
          const children = scope.linkedStudents.map((s) => s.firstName);
          return { query, answer: { kind: 'which-child', children }, lang, remember: { ...query, child: null } };
        }
        query = { ...query, child };
      }
      const answer = await answerFor(query, scope, now, viewer);
      return { query, answer, lang, remember: isDiaryIntent(query.intent) ? query : null };
    },
    async resume(choice, viewer, now, options = {}) {
      const scope = await scopeOf(viewer);
      const lang = options.lang ?? scope?.locale ?? 'ru';
      const base: TQuery = options.previous ?? {
        intent: 'unknown',
        date: null,
        dateTo: null,
        subject: null,
        child: null,
      };
      let query: TQuery = { ...base, intent: choice.intent ?? base.intent };
      if (choice.childIndex !== undefined)
        query = { ...query, child: scope?.linkedStudents[choice.childIndex]?.firstName ?? null };
      if (await overLimit(viewer)) return { query, answer: { kind: 'slow-down' }, lang, remember: null };
      if (!isDiaryIntent(query.intent))
        return {
          query,
          answer: { kind: 'clarify', subject: query.subject, choices: [...FRAGMENT_CHOICES] },
          lang,
          remember: query,
        };
      return { query, answer: await answerFor(query, scope, now, viewer), lang, remember: query };
    },
  };
}

function filterSubject<T extends { subject: string }>(items: T[], subject: string | null): T[] {
  return subject ? items.filter((i) => i.subject === subject) : items;
}
