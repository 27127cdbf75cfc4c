// The read model the answers are built from. Dates are school-calendar days as YYYY-MM-DD,
// times are "HH:mm" in the school's time zone, exactly as the journal sent them.

export interface TDateRange {
  from: string;
  /** Inclusive. */
  to: string;
}

export interface TDiaryStudent {
  id: string;
  firstName: string;
  lastName: string;
  classId: string;
  className: string;
  schoolId: string;
  timezone: string;
}

export interface TGradeItem {
  id: string;
  date: string;
  subject: string;
  /** "1"–"5", "зачёт" or "незачёт". */
  value: string;
  weight: number;
  workType: string | null;
  comment: string | null;
}

export interface THomeworkItem {
  id: string;
  dueDate: string;
  subject: string;
  text: string;
}

export interface TLessonItem {
  id: string;
  date: string;
  start: string;
  end: string;
  subject: string;
  className: string;
  teacherName: string;
  room: string | null;
  topic: string | null;
  isTest: boolean;
  cancelled: boolean;
  onlineUrl: string | null;
}

export interface TCanteenSpending {
  /** ISO instant. */
  at: string;
  /** The school-calendar day of `at`. */
  date: string;
  amountKopecks: number;
  description: string | null;
}

export interface TCanteenInfo {
  /** null when the student has never had a canteen transaction. */
  balanceKopecks: number | null;
  /** Latest transactions first. */
  recent: TCanteenSpending[];
}

export interface TDiaryWants {
  grades?: boolean;
  homework?: boolean;
  lessons?: boolean;
  canteen?: boolean;
}

/**
 * What a class's timetable holds over some weeks: enough to tell a day the class does not study
 * from one with nothing entered yet, and a subject the class does not have from one with nothing
 * due. Cancelled lessons count: they were on the timetable.
 */
export interface TTimetableOutline {
  /** The days with at least one lesson, in order. */
  lessonDays: string[];
  /** Whether a lesson of the subject asked about is among them; false when none was asked. */
  hasSubject: boolean;
}

export interface TStudentDiary {
  grades: TGradeItem[];
  homework: THomeworkItem[];
  lessons: TLessonItem[];
  canteen: TCanteenInfo | null;
}
