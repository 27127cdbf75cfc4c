import type { TViewerScope } from '../access/access-port';
import type { TCanteenInfo, TDiaryStudent, TGradeItem, THomeworkItem, TLessonItem } from '../diary/diary-types';
import type { TIntent } from '../nlu/types';
import type { TJournalLesson } from '../reminders/reminder-types';
import type { TSchoolEventItem } from '../school-news/coming-types';
import type { TComingAnswer } from './coming-answer-types';
import type { TPresenceAnswer } from './presence-answer-types';
import type { TTermAnswer } from './term-answer-types';

export type TStudentRef = Pick<TDiaryStudent, 'id' | 'firstName' | 'lastName' | 'className'>;

export interface TPeriod {
  from: string;
  to: string;
  /** The school's today, so a renderer can say "сегодня" / "завтра". */
  today: string;
}

/**
 * Why a section shows nothing, when the diary knows more than "nothing yet": the day is one the
 * class does not study, or the class has no lessons of the subject asked about at all.
 */
export type TEmptyReason = 'day-off' | 'subject-not-taught';

export interface TGradesSection {
  student: TStudentRef;
  grades: TGradeItem[];
  /** Weighted mean of the numeric grades in the period. */
  average: number | null;
  emptyReason?: TEmptyReason;
}

export type TChannelAction = 'subscribe' | 'unsubscribe' | 'settings' | 'link' | 'forget' | 'calendar';

/** What the core answers, before any wording: every channel renders the same structure. */
export type TAnswer =
  | { kind: 'grades'; period: TPeriod; subject: string | null; sections: TGradesSection[] }
  | {
      kind: 'homework';
      period: TPeriod;
      subject: string | null;
      sections: { student: TStudentRef; homework: THomeworkItem[]; emptyReason?: TEmptyReason }[];
    }
  | {
      kind: 'schedule';
      period: TPeriod;
      subject: string | null;
      /** `events`: the day's school events of the pupil's class and school (one day asked, no subject). */
      sections: {
        student: TStudentRef;
        lessons: TLessonItem[];
        emptyReason?: TEmptyReason;
        events?: TSchoolEventItem[];
      }[];
    }
  /** `dayOff`: a weekend day without a lesson of theirs, worded as the day off it is. */
  | { kind: 'teacher-schedule'; period: TPeriod; lessons: TLessonItem[]; dayOff?: boolean }
  | { kind: 'balance'; sections: { student: TStudentRef; canteen: TCanteenInfo }[] }
  /** A teacher's ended lessons with an incomplete journal entry since `from` (school-local days). */
  | { kind: 'journal'; from: string; days: number; lessons: TJournalLesson[] }
  /** A teacher's reminders are held until this school-local date and time. */
  | { kind: 'snoozed'; untilDate: string; untilTime: string }
  /** A journal question from someone not linked as a teacher. */
  | { kind: 'not-teacher' }
  /** The channel performs it (bots own menus, codes and deletion); `students` are the ones it concerns. */
  | { kind: 'action'; action: TChannelAction; students: TStudentRef[] }
  | { kind: 'help' }
  | { kind: 'unknown' }
  /** The person has no linked students: explain how to link. */
  | { kind: 'not-linked' }
  /** The named child is not one the viewer may see. Carries nothing about the school on purpose. */
  | { kind: 'refused' }
  /** A teacher asked about grades, homework or balance without naming a pupil. */
  | { kind: 'ask-child' }
  /** A fragment ("а по физике?") with no question before it to complete: which of `choices` it asks for. */
  | { kind: 'clarify'; subject: string | null; choices: TIntent[] }
  /** A child meant by position ("а у второго?") that cannot be told: the viewer's children to choose from. */
  | { kind: 'which-child'; children: string[] }
  | { kind: 'no-person' }
  /** Too many questions from one chat in a short time (abuse limit): a polite request to wait. */
  | { kind: 'slow-down' }
  /** Term results: averages, fixed marks, what is needed, weak topics (term-answer-types.ts). */
  | TTermAnswer
  /** Turnstile passes and attendance (presence-answer-types.ts). */
  | TPresenceAnswer
  /** Tests and school events coming (coming-answer-types.ts). */
  | TComingAnswer;

export type TAnswerKind = TAnswer['kind'];

export interface TViewer {
  personId: string;
  /** Where the question came from, for the access log ("telegram", "alice", "cli", …). */
  channel?: string;
  /**
   * This person's scope as the AccessReader read it in this turn (with the chat and its consent:
   * LinkService.chatState), so it is not read twice. Only ever a scope read from the store, never
   * one built by a caller; a scope of another person is ignored and read again.
   */
  scope?: TViewerScope;
  /**
   * The operator looking as this person would see (`dnevnik ask`): the person saw nothing, so the
   * access log records the operator's lookup instead of them.
   */
  operator?: boolean;
}

export const INTENT_ACTIONS: Partial<Record<TIntent, TChannelAction>> = {
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  settings: 'settings',
  link: 'link',
  forget: 'forget',
  calendar: 'calendar',
};
