import type { TAccessEntry } from '../access/access-log-port';
import { dayInZone } from '../calendar/civil-date';
import type { TChartImage, TChartSubject, TermChartRenderer } from '../charts';
import type { TDiaryStudent } from '../diary/diary-types';
import type { TLang } from '../i18n';
import type { TPeriodKind } from '../terms/period-types';
import type { TermReader } from '../terms/term-port';
import type { TTermGrade } from '../terms/term-types';
import { TERM_TEXTS } from './render-term';
import { choosePeriod } from './term-period';

// A child's current period drawn: every subject as a grid, or the one subject a question names.
// The students are already chosen by access (answer-service); the read stores their access-log
// entries, as every term answer's does.

// The chart schema's own limits (core/charts/chart-types.ts): a term far above them is cut to
// its latest marks rather than refused.
const MAX_GRADES = 500;
const MAX_SUBJECTS = 50;
const BY_NAME = new Intl.Collator('ru');

export type TTermCharts =
  | { kind: 'charts'; images: TChartImage[] }
  | { kind: 'no-such-period'; periodKind: TPeriodKind; number: number | null };

function subjects(grades: readonly TTermGrade[]): TChartSubject[] {
  const bySubject = new Map<string, TTermGrade[]>();
  for (const g of grades) bySubject.set(g.subject, [...(bySubject.get(g.subject) ?? []), g]);
  return [...bySubject]
    .sort(([a], [b]) => BY_NAME.compare(a, b))
    .slice(0, MAX_SUBJECTS)
    .map(([name, list]) => ({
      name,
      grades: list.slice(-MAX_GRADES).map((g) => ({ date: g.date, value: g.value, weight: g.weight })),
    }));
}

export async function termCharts(
  subject: string | null,
  students: readonly TDiaryStudent[],
  reader: TermReader,
  renderer: TermChartRenderer,
  entries: readonly TAccessEntry[],
  now: Date,
  lang: TLang,
): Promise<TTermCharts> {
  const days = students.map((s) => dayInZone(now, s.timezone));
  const schools = await reader.schoolTerms(students.map((s, i) => ({ schoolId: s.schoolId, day: days[i] })));
  const choices = schools.map((s, i) => choosePeriod(s.periods, null, days[i]));
  // Between periods (the summer) there is no current one to draw.
  const missing = choices.find((c) => 'missing' in c);
  if (missing && 'missing' in missing)
    return { kind: 'no-such-period', periodKind: missing.missing.kind, number: missing.missing.number };
  const periods = choices.flatMap((c) => ('period' in c ? [c.period] : []));
  const terms = await reader.studentTerms(
    students.map((s, i) => ({
      studentId: s.id,
      classId: s.classId,
      range: { from: periods[i].start, to: periods[i].end },
      today: days[i],
      periodIds: [periods[i].id],
    })),
    { grades: true },
    entries,
    null,
  );
  const images = await Promise.all(
    students.map((s, i) => {
      const period = { name: TERM_TEXTS[lang].periodName(periods[i]), from: periods[i].start, to: periods[i].end };
      const common = { childName: s.firstName, period, lang, rounding: schools[i].rounding };
      const all = subjects(terms[i].grades);
      if (subject === null) return renderer.overview({ ...common, subjects: all });
      return renderer.subject({
        ...common,
        subject: all.find((x) => x.name === subject) ?? { name: subject, grades: [] },
      });
    }),
  );
  return { kind: 'charts', images };
}
