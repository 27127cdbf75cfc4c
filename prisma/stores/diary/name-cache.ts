import type { PrismaClient } from '../../generated/client';

// Names of schools, classes, subjects and teachers change only through ingestion and rarely:
// holding them in memory saves a join (or a query) on every answer, which is most of the time
// an in-process answer takes. An id not yet known triggers a reload, so a freshly ingested
// subject shows at once; a renamed one within MAX_AGE_MS.

const MAX_AGE_MS = 60_000;

export interface TNames {
  schoolZone: Map<string, string>;
  className: Map<string, string>;
  subjectName: Map<string, string>;
  /** "Петрова А. И." */
  teacherName: Map<string, string>;
  /** A teacher's school's time zone: a teacher's "today". */
  teacherZone: Map<string, string>;
}

export interface NameCache {
  get(): Promise<TNames>;
  /** Like get(), but reloads first when any of these ids is unknown. */
  covering(ids: {
    subjects?: Iterable<string>;
    teachers?: Iterable<string>;
    classes?: Iterable<string>;
  }): Promise<TNames>;
}

export function createNameCache(prisma: PrismaClient, defaultZone: string): NameCache {
  let current: { names: TNames; at: number } | null = null;
  let loading: Promise<TNames> | null = null;

  async function load(): Promise<TNames> {
    const [schools, classes, subjects, teachers] = await Promise.all([
      prisma.school.findMany({ select: { id: true, timezone: true } }),
      prisma.schoolClass.findMany({ select: { id: true, name: true } }),
      prisma.subject.findMany({ select: { id: true, name: true } }),
      prisma.teacher.findMany({
        select: { id: true, schoolId: true, lastName: true, firstName: true, middleName: true },
      }),
    ]);
    const schoolZone = new Map(schools.map((s) => [s.id, s.timezone || defaultZone]));
    const names: TNames = {
      schoolZone,
      className: new Map(classes.map((c) => [c.id, c.name])),
      subjectName: new Map(subjects.map((s) => [s.id, s.name])),
      teacherName: new Map(teachers.map((t) => [t.id, shortName(t)])),
      teacherZone: new Map(teachers.map((t) => [t.id, schoolZone.get(t.schoolId) ?? defaultZone])),
    };
    current = { names, at: Date.now() };
    return names;
  }

  function reload(): Promise<TNames> {
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  }

  async function get(): Promise<TNames> {
    if (current && Date.now() - current.at < MAX_AGE_MS) return current.names;
    return reload();
  }

  return {
    get,
    async covering(ids) {
      const names = await get();
      const missing = (list: Iterable<string> | undefined, map: Map<string, string>) =>
        [...(list ?? [])].some((id) => !map.has(id));
      if (
        missing(ids.subjects, names.subjectName) ||
        missing(ids.teachers, names.teacherName) ||
        missing(ids.classes, names.className)
      )
        return reload();
      return names;
    },
  };
}

function shortName(t: { lastName: string; firstName: string; middleName: string | null }): string {
  const initials = [t.firstName, t.middleName].filter((x): x is string => Boolean(x)).map((x) => `${x[0]}.`);
  return `${t.lastName} ${initials.join(' ')}`.trim();
}
