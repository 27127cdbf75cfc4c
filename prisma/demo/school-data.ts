// The fixed part of the demo school: subjects, staff, bells and the weekly timetable. None of
// it depends on the date, so ids and names stay the same whenever the demo is generated.

export const SCHOOL = { id: 'demo-school', name: 'Школа № 1357', timezone: 'Europe/Moscow' } as const;

export type TSubjectCode =
  | 'rus'
  | 'lit'
  | 'math'
  | 'alg'
  | 'geom'
  | 'prob'
  | 'inf'
  | 'phys'
  | 'chem'
  | 'bio'
  | 'geo'
  | 'hist'
  | 'soc'
  | 'eng'
  | 'pe'
  | 'music'
  | 'art'
  | 'tech'
  | 'obzr'
  | 'proj';

/** Canonical names from core/nlu/subjects.json, so the parser's answers match stored subjects. */
export const SUBJECT_NAMES: Record<TSubjectCode, string> = {
  rus: 'Русский язык',
  lit: 'Литература',
  math: 'Математика',
  alg: 'Алгебра',
  geom: 'Геометрия',
  prob: 'Вероятность и статистика',
  inf: 'Информатика',
  phys: 'Физика',
  chem: 'Химия',
  bio: 'Биология',
  geo: 'География',
  hist: 'История',
  soc: 'Обществознание',
  eng: 'Английский язык',
  pe: 'Физическая культура',
  music: 'Музыка',
  art: 'Изобразительное искусство',
  tech: 'Технология',
  obzr: 'Основы безопасности и защиты Родины',
  proj: 'Индивидуальный проект',
};

export function subjectId(code: TSubjectCode): string {
  return `sub-${code}`;
}

/** Bell times of a Moscow school: 10-minute breaks, and 20-minute ones for meals. */
export const BELLS: readonly { start: string; end: string }[] = [
  { start: '08:30', end: '09:15' },
  { start: '09:25', end: '10:10' },
  { start: '10:30', end: '11:15' },
  { start: '11:35', end: '12:20' },
  { start: '12:40', end: '13:25' },
  { start: '13:35', end: '14:20' },
  { start: '14:30', end: '15:15' },
];

export interface TTeacherInfo {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string;
  /** Their own classroom: every lesson they teach is there. */
  room: string;
  /** What they teach, as a colleague would say it (for the playground's person list). */
  teaches: string;
}

export const TEACHERS: readonly TTeacherInfo[] = [
  {
    id: 'tch-01',
    lastName: 'Смирнова',
    firstName: 'Елена',
    middleName: 'Викторовна',
    room: '204',
    teaches: 'русский язык и литература',
  },
  {
    id: 'tch-02',
    lastName: 'Белова',
    firstName: 'Ирина',
    middleName: 'Николаевна',
    room: '206',
    teaches: 'русский язык и литература',
  },
  {
    id: 'tch-03',
    lastName: 'Кузьмина',
    firstName: 'Татьяна',
    middleName: 'Сергеевна',
    room: '201',
    teaches: 'математика',
  },
  {
    id: 'tch-04',
    lastName: 'Громов',
    firstName: 'Андрей',
    middleName: 'Викторович',
    room: '301',
    teaches: 'алгебра, геометрия, вероятность и статистика',
  },
  {
    id: 'tch-05',
    lastName: 'Ковалёва',
    firstName: 'Анна',
    middleName: 'Игоревна',
    room: '212',
    teaches: 'английский язык',
  },
  {
    id: 'tch-06',
    lastName: 'Захарова',
    firstName: 'Марина',
    middleName: 'Владимировна',
    room: '208',
    teaches: 'история и обществознание',
  },
  { id: 'tch-07', lastName: 'Никитин', firstName: 'Сергей', middleName: 'Павлович', room: '303', teaches: 'физика' },
  {
    id: 'tch-08',
    lastName: 'Фомин',
    firstName: 'Дмитрий',
    middleName: 'Олегович',
    room: '310',
    teaches: 'информатика',
  },
  {
    id: 'tch-09',
    lastName: 'Егорова',
    firstName: 'Наталья',
    middleName: 'Михайловна',
    room: '305',
    teaches: 'химия и биология',
  },
  {
    id: 'tch-10',
    lastName: 'Соловьёва',
    firstName: 'Людмила',
    middleName: 'Петровна',
    room: '214',
    teaches: 'география',
  },
  {
    id: 'tch-11',
    lastName: 'Медведев',
    firstName: 'Игорь',
    middleName: 'Александрович',
    room: 'Спортзал',
    teaches: 'физическая культура',
  },
  { id: 'tch-12', lastName: 'Романова', firstName: 'Ольга', middleName: 'Евгеньевна', room: '105', teaches: 'музыка' },
  {
    id: 'tch-13',
    lastName: 'Виноградова',
    firstName: 'Светлана',
    middleName: 'Юрьевна',
    room: '107',
    teaches: 'изобразительное искусство',
  },
  {
    id: 'tch-14',
    lastName: 'Карпов',
    firstName: 'Виктор',
    middleName: 'Иванович',
    room: 'Мастерская',
    teaches: 'технология',
  },
  { id: 'tch-15', lastName: 'Тихонов', firstName: 'Александр', middleName: 'Михайлович', room: '112', teaches: 'ОБЗР' },
];

export function teacherById(id: string): TTeacherInfo {
  const teacher = TEACHERS.find((t) => t.id === id);
  if (!teacher) throw new Error(`unknown teacher ${id}`);
  return teacher;
}

export interface TClassInfo {
  /** Short latin code used inside ids: `cls-5a`, `stu-5a-01`, `les-5a-…`. */
  code: string;
  id: string;
  name: string;
  grade: 5 | 7 | 9 | 10;
  classTeacherId: string;
  teachers: Partial<Record<TSubjectCode, string>>;
  /** Monday … Friday, lessons in bell order. */
  timetable: readonly (readonly TSubjectCode[])[];
  /** Younger classes eat breakfast after the 2nd lesson, older ones after the 3rd. */
  breakfastAfterLesson: 2 | 3;
}

function week(...days: string[]): TSubjectCode[][] {
  return days.map((day) =>
    day.split(' ').map((code) => {
      if (!(code in SUBJECT_NAMES)) throw new Error(`unknown subject code "${code}" in the timetable`);
      return code as TSubjectCode;
    }),
  );
}

const SCIENCE_STAFF = { phys: 'tch-07', inf: 'tch-08', chem: 'tch-09', bio: 'tch-09', geo: 'tch-10' } as const;
const MATH_STAFF = { alg: 'tch-04', geom: 'tch-04', prob: 'tch-04' } as const;
const COMMON_STAFF = { eng: 'tch-05', hist: 'tch-06', soc: 'tch-06', proj: 'tch-06', pe: 'tch-11' } as const;
const ARTS_STAFF = { music: 'tch-12', art: 'tch-13', tech: 'tch-14', obzr: 'tch-15' } as const;

// The grid was laid out once so that no teacher (and so no room) is in two classes at the same
// time, heavy subjects sit mid-morning and technology is a double lesson; the tests re-check it.
export const CLASSES: readonly TClassInfo[] = [
  {
    code: '5a',
    id: 'cls-5a',
    name: '5А',
    grade: 5,
    classTeacherId: 'tch-01',
    breakfastAfterLesson: 2,
    teachers: { rus: 'tch-01', lit: 'tch-01', math: 'tch-03', ...COMMON_STAFF, ...SCIENCE_STAFF, ...ARTS_STAFF },
    timetable: week(
      'lit math hist rus eng',
      'bio math rus art pe music',
      'geo math lit rus eng',
      'hist math tech tech rus',
      'lit math rus eng pe',
    ),
  },
  {
    code: '7b',
    id: 'cls-7b',
    name: '7Б',
    grade: 7,
    classTeacherId: 'tch-06',
    breakfastAfterLesson: 2,
    teachers: { rus: 'tch-01', lit: 'tch-01', ...MATH_STAFF, ...COMMON_STAFF, ...SCIENCE_STAFF, ...ARTS_STAFF },
    timetable: week(
      'geo phys alg eng tech tech',
      'lit rus pe geom hist inf',
      'soc phys alg eng rus geo',
      'prob rus bio geom pe music',
      'hist alg eng art rus lit',
    ),
  },
  {
    code: '9v',
    id: 'cls-9v',
    name: '9В',
    grade: 9,
    classTeacherId: 'tch-04',
    breakfastAfterLesson: 3,
    teachers: { rus: 'tch-02', lit: 'tch-02', ...MATH_STAFF, ...COMMON_STAFF, ...SCIENCE_STAFF, ...ARTS_STAFF },
    timetable: week(
      'lit alg eng rus phys bio obzr',
      'hist chem tech inf geom geo pe',
      'bio eng phys rus alg lit',
      'geo geom soc chem hist pe',
      'prob rus phys alg eng lit',
    ),
  },
  {
    code: '10a',
    id: 'cls-10a',
    name: '10А',
    grade: 10,
    classTeacherId: 'tch-02',
    breakfastAfterLesson: 3,
    teachers: { rus: 'tch-02', lit: 'tch-02', ...MATH_STAFF, ...COMMON_STAFF, ...SCIENCE_STAFF, ...ARTS_STAFF },
    timetable: week(
      'soc eng chem alg lit pe',
      'prob geom phys proj geo hist',
      'inf lit eng alg rus obzr',
      'bio hist geom soc phys',
      'lit eng rus pe alg',
    ),
  },
];

export function teacherOf(cls: TClassInfo, subject: TSubjectCode): string {
  const id = cls.teachers[subject];
  if (!id) throw new Error(`${cls.name} has no teacher for ${subject}`);
  return id;
}

/** Lessons of a subject per week in a class: the pace at which its topics move on. */
export function hoursPerWeek(cls: TClassInfo, subject: TSubjectCode): number {
  return cls.timetable.reduce((n, day) => n + day.filter((s) => s === subject).length, 0);
}

export function subjectsOf(cls: TClassInfo): TSubjectCode[] {
  return [...new Set(cls.timetable.flat())];
}
