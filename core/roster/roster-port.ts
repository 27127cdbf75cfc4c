// Who is in the database, by id: what `dnevnik list` prints and what a command given an unknown id
// suggests instead. Read by the operator, so across every school; `schoolId`/`classId` narrow it.

export type TRosterKind = 'school' | 'class' | 'student' | 'teacher' | 'person';

export interface TRosterFilter {
  schoolId?: string;
  classId?: string;
}

export interface TRosterSchool {
  id: string;
  name: string;
  timezone: string;
  classes: number;
  students: number;
  teachers: number;
}

export interface TRosterClass {
  id: string;
  schoolId: string;
  name: string;
  homeroomTeacherId: string | null;
  students: number;
}

export interface TRosterStudent {
  id: string;
  schoolId: string;
  classId: string;
  className: string;
  /** "Иванова Мария Петровна" */
  name: string;
}

export interface TRosterTeacher {
  id: string;
  schoolId: string;
  name: string;
  /** People linked to this teacher's journal. */
  linked: number;
}

/** A person holds no name: only how they are linked and through which channels they write. */
export interface TRosterPerson {
  id: string;
  /** guardian, student, teacher — as linked; empty when nothing is linked. */
  roles: string[];
  /** Students linked to them, in any school. */
  students: number;
  teacherIds: string[];
  /** Their chats' channels (telegram, vk, alice …), each once. */
  channels: string[];
  createdAt: Date;
}

export interface RosterReader {
  /** `classId` does not apply to schools and classes: give `schoolId` only. */
  schools(filter: TRosterFilter): Promise<TRosterSchool[]>;
  classes(filter: TRosterFilter): Promise<TRosterClass[]>;
  students(filter: TRosterFilter): Promise<TRosterStudent[]>;
  /** With `classId`: the class's homeroom teacher and whoever teaches it a lesson. */
  teachers(filter: TRosterFilter): Promise<TRosterTeacher[]>;
  /** With a filter: the people linked to a student (or, for a school, a teacher) in it. */
  people(filter: TRosterFilter): Promise<TRosterPerson[]>;
  exists(kind: TRosterKind, id: string): Promise<boolean>;
  /** Every id of a kind, to find the ones closest to an id that does not exist. */
  ids(kind: TRosterKind): Promise<string[]>;
}
