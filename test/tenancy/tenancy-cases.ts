import { EVENT_TYPES, type TEventType, type TJournalEvent } from '../../core/ingest/event-schemas';
import { storedId } from '../../core/ingest/ingest-scope';
import type { TEntityKind } from '../../core/ingest/ingest-types';
import { definesAndRefers, type TReference } from '../../core/ingest/validate-batch';

// The tenancy audit's cases, shared by `npm run audit:tenancy` (a server process, many rounds) and
// test/tenancy (in process, one round). Two schools, each writing with its own key, and the
// operator. Cases are generated from every event type × every reference field that
// `definesAndRefers` declares — so a new event type is audited as soon as it declares its
// references (and fails the audit until it has a sample below).

export const SCHOOL_A = 'audit-school-a';
export const SCHOOL_B = 'audit-school-b';
export type TWriter = 'A' | 'B' | 'operator';
export type TRawEvent = { id: string; type: string; occurredAt: string; data: Record<string, unknown> };

export interface TTenancyCase {
  name: string;
  by: TWriter;
  events: TRawEvent[];
  /** What a correct server answers: 403 for reaching beyond a key's school, 422 for mixing schools or unknown ids. */
  expect: 403 | 422;
}

const OCCURRED = '2026-12-01T09:00:00+03:00';
const at = (type: string, data: Record<string, unknown>, id: string): TRawEvent => ({
  id,
  type,
  occurredAt: OCCURRED,
  data,
});

/** The local ids every school's system uses for its entities (both schools use the same ones). */
const LOCAL: Record<Exclude<TEntityKind, 'school'>, string> = {
  class: 'c',
  subject: 'sub',
  teacher: 't',
  student: 'st',
  lesson: 'l',
  homework: 'h',
  grade: 'g',
  canteen: 'tx',
  period: 'p',
  final_grade: 'fg',
  pass: 'ps',
  school_event: 'se',
  announcement: 'an',
};
const other = (school: string) => (school === SCHOOL_A ? SCHOOL_B : SCHOOL_A);
const keyScope = (schoolId: string) => ({ kind: 'school' as const, schoolId, keyId: 'audit' });

/**
 * A valid event of `type` about `school`: it refers to the school's stored entities (named by
 * `id`, the writer's way of naming them) and defines a fresh one (suffix `n`).
 */
function sample(type: TEventType, school: string, id: (local: string) => string, n: string): Record<string, unknown> {
  const samples: Record<TEventType, () => Record<string, unknown>> = {
    'school.upserted': () => ({ schoolId: school, name: `Школа ${n}` }),
    'class.upserted': () => ({ schoolId: school, classId: id(`c-${n}`), name: '6Б', homeroomTeacherId: id('t') }),
    'subject.upserted': () => ({ schoolId: school, subjectId: id(`sub-${n}`), name: 'Физика' }),
    'teacher.upserted': () => ({ schoolId: school, teacherId: id(`t-${n}`), lastName: 'Орлова', firstName: 'Вера' }),
    'student.upserted': () => ({
      schoolId: school,
      studentId: id(`st-${n}`),
      classId: id('c'),
      lastName: 'Зайцев',
      firstName: 'Миша',
    }),
    'lesson.upserted': () => ({
      lessonId: id(`l-${n}`),
      classId: id('c'),
      subjectId: id('sub'),
      teacherId: id('t'),
      date: '2026-12-02',
      start: '10:00',
      end: '10:45',
    }),
    'lesson.deleted': () => ({ lessonId: id('l') }),
    'homework.upserted': () => ({
      homeworkId: id(`h-${n}`),
      classId: id('c'),
      subjectId: id('sub'),
      dueDate: '2026-12-03',
      text: '№ 5',
      lessonId: id('l'),
    }),
    'homework.deleted': () => ({ homeworkId: id('h') }),
    'grade.upserted': () => ({
      gradeId: id(`g-${n}`),
      studentId: id('st'),
      subjectId: id('sub'),
      date: '2026-12-01',
      value: '4',
      lessonId: id('l'),
    }),
    'grade.deleted': () => ({ gradeId: id('g') }),
    'attendance.marked': () => ({ lessonId: id('l'), studentId: id('st'), status: 'absent' }),
    'canteen.transaction': () => ({
      transactionId: id(`tx-${n}`),
      studentId: id('st'),
      amountKopecks: -15000,
      balanceKopecks: 20000,
      at: '2026-12-01T12:00:00+03:00',
    }),
    'period.upserted': () => ({
      schoolId: school,
      periodId: id(`p-${n}`),
      name: '2 четверть',
      kind: 'quarter',
      start: '2026-11-05',
      end: '2026-12-28',
    }),
    'period.deleted': () => ({ periodId: id('p') }),
    'final_grade.upserted': () => ({
      finalGradeId: id(`fg-${n}`),
      studentId: id('st'),
      subjectId: id('sub'),
      periodId: id('p'),
      value: '5',
    }),
    'final_grade.deleted': () => ({ finalGradeId: id('fg') }),
    'school_event.upserted': () => ({
      schoolEventId: id(`se-${n}`),
      schoolId: school,
      classIds: [id('c')],
      title: 'Турнир по волейболу',
      date: '2026-12-10',
      start: '15:00',
      onlineUrl: 'https://example.org/live',
    }),
    'school_event.deleted': () => ({ schoolEventId: id('se') }),
    'announcement.published': () => ({
      announcementId: id(`an-${n}`),
      schoolId: school,
      classIds: [id('c')],
      title: 'Родительское собрание',
      text: 'В четверг в 18:00, кабинет 204.',
    }),
    'pass.recorded': () => ({
      passId: id(`ps-${n}`),
      studentId: id('st'),
      at: '2026-12-01T08:12:00+03:00',
      direction: 'in',
    }),
  };
  return samples[type]();
}

/** `data` with one reference field set: a plain field, or a list's element (classIds[0]). */
function withField(data: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const element = /^(\w+)\[(\d+)\]$/.exec(field);
  if (!element) return { ...data, [field]: value };
  const list = [...(data[element[1]] as unknown[])];
  list[Number(element[2])] = value;
  return { ...data, [element[1]]: list };
}

/** A school's entities, one of each kind; `rename` gives each entity id as the writer sends it. */
function schoolWorld(school: string, rename: (local: string) => string, eventId: (n: number) => string): TRawEvent[] {
  // The teacher first: the class names it as its homeroom teacher.
  const types: TEventType[] = [
    'teacher.upserted',
    'class.upserted',
    'subject.upserted',
    'student.upserted',
    'lesson.upserted',
    'homework.upserted',
    'grade.upserted',
    'canteen.transaction',
    'period.upserted',
    'final_grade.upserted',
    'pass.recorded',
    'school_event.upserted',
    'announcement.published',
  ];
  return types.map((type, i) => {
    // The fresh-id sample with its new entity named plainly ("c-x" → "c"), then renamed.
    const data = sample(type, school, (s) => s, 'x');
    const { refs, defines } = fields(type, data);
    for (const r of defines ? [defines, ...refs] : refs)
      if (r.kind !== 'school') Object.assign(data, withField(data, r.field, rename(r.id.replace(/-x$/, ''))));
    return at(type, data, eventId(i + 1));
  });
}

/**
 * What the server must hold before the cases run: each school's world sent with its own key, and
 * the operator's decoys — for every kind, an entity of the OTHER school whose global id lies in
 * this school's namespace, so that a key naming its local id "decoy" names another school's row.
 */
export function tenancySetup(): { A: TRawEvent[]; B: TRawEvent[]; operator: TRawEvent[] } {
  const world = (school: string) => [
    at('school.upserted', { schoolId: school, name: `Школа ${school}` }, 'world-0'),
    ...schoolWorld(
      school,
      (s) => s,
      (n) => `world-${n}`,
    ),
  ];
  // A decoy period is a trimester: periods of one kind may not overlap within a school, and the
  // owner's own period is a quarter of the same days.
  const decoys = (owner: string, namespaceOf: string) =>
    schoolWorld(
      owner,
      () => storedId(keyScope(namespaceOf), 'decoy'),
      (n) => `decoy-${owner}-${n}`,
    ).map((e) => (e.type === 'period.upserted' ? { ...e, data: { ...e.data, kind: 'trimester' } } : e));
  return {
    A: world(SCHOOL_A),
    B: world(SCHOOL_B),
    operator: [...decoys(SCHOOL_B, SCHOOL_A), ...decoys(SCHOOL_A, SCHOOL_B)],
  };
}

/** Every case, `rounds` times over with fresh event and entity ids (round r suffixes them with r). */
export function tenancyCases(rounds = 1): TTenancyCase[] {
  const cases: TTenancyCase[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const type of EVENT_TYPES) {
      for (const by of ['A', 'B'] as const) cases.push(...keyCases(type, by === 'A' ? SCHOOL_A : SCHOOL_B, by, round));
      cases.push(...operatorCases(type, round));
    }
  }
  return cases;
}

function fields(type: TEventType, data: Record<string, unknown>): { refs: TReference[]; defines?: TReference } {
  const { defines, refers } = definesAndRefers({ id: 'x', type, occurredAt: OCCURRED, data } as TJournalEvent);
  return { refs: refers, defines };
}

/** Both the lone event and the event hidden among valid ones of the writer's own school. */
function asCases(
  name: string,
  by: TWriter,
  school: string,
  id: (local: string) => string,
  bad: TRawEvent,
  expect: 403 | 422,
  round: number,
): TTenancyCase[] {
  const cover = (k: number) =>
    at(
      'grade.upserted',
      sample('grade.upserted', school, id, `cover-${round}-${bad.id}-${k}`),
      `cover-${round}-${bad.id}-${k}`,
    );
  return [
    { name: `${name} (alone)`, by, events: [bad], expect },
    {
      name: `${name} (hidden in a valid batch)`,
      by,
      events: [cover(1), cover(2), { ...bad, id: `${bad.id}-hidden` }, cover(3)],
      expect,
    },
  ];
}

/** A key reaching the other school: by naming it, through a decoy in its own namespace, or by the other school's stored ids. */
function keyCases(type: TEventType, school: string, by: 'A' | 'B', round: number): TTenancyCase[] {
  const victim = other(school);
  const local = (s: string) => s;
  const data = sample(type, school, local, `${by}${round}`);
  const { refs, defines } = fields(type, data);
  const out: TTenancyCase[] = [];
  for (const r of defines ? [defines, ...refs] : refs) {
    const variant = (how: string, value: string, expect: 403 | 422) => {
      const id = `key-${by}-${round}-${type}-${r.field}-${how}`;
      out.push(
        ...asCases(
          `${by}'s key: ${type} ${r.field} ${how}`,
          by,
          school,
          local,
          at(type, withField(data, r.field, value), id),
          expect,
          round,
        ),
      );
    };
    if (r.kind === 'school') {
      variant('names the other school', victim, 403);
      continue;
    }
    variant("is a decoy: the operator's row of the other school in this key's namespace", 'decoy', 403);
    // As a reference it names nothing of this school (unknown); as a definition it would only create this school's own row.
    if (r !== defines)
      variant("is the other school's stored id", storedId(keyScope(victim), LOCAL[r.kind as keyof typeof LOCAL]), 422);
  }
  return out;
}

/** The operator mixing two schools in one event, or moving a stored entity to the other school. */
function operatorCases(type: TEventType, round: number): TTenancyCase[] {
  const inA = (local: string) => storedId(keyScope(SCHOOL_A), local);
  const inB = (local: string) => storedId(keyScope(SCHOOL_B), local);
  const data = sample(type, SCHOOL_A, inA, `op${round}`);
  const { refs, defines } = fields(type, data);
  const out: TTenancyCase[] = [];
  const variant = (r: TReference, value: string) => {
    const id = `op-${round}-${type}-${r.field}`;
    out.push(
      ...asCases(
        `operator: ${type} ${r.field} of the other school`,
        'operator',
        SCHOOL_A,
        inA,
        at(type, withField(data, r.field, value), id),
        422,
        round,
      ),
    );
  };
  // An event about one thing (a delete) is consistently about the other school when that one thing is swapped: not a mix.
  if (refs.length >= 2)
    for (const r of refs) variant(r, r.kind === 'school' ? SCHOOL_B : inB(LOCAL[r.kind as keyof typeof LOCAL]));
  // Redefining the other school's stored entity from this school moves it — except a pupil, whose transfer is allowed.
  if (defines && refs.length >= 1 && defines.kind !== 'school' && defines.kind !== 'student')
    variant(defines, inB(LOCAL[defines.kind as keyof typeof LOCAL]));
  return out;
}

type TQuery = <T>(sql: string) => Promise<T[]>;

/** A fingerprint of every table's rows: any insert, update or delete changes its table's entry. */
export async function tableFingerprints(query: TQuery): Promise<Map<string, string>> {
  const tables = await query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  );
  const out = new Map<string, string>();
  for (const { name } of tables) {
    const [row] = await query<{ n: string; digest: string }>(
      `SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
    );
    out.set(name, `${row.n}:${row.digest}`);
  }
  return out;
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((table) => before.get(table) !== after.get(table));
}
