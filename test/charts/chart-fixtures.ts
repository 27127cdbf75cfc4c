import { EN_SUBJECTS } from '../../core/answers';
import type { TChartGrade, TSubjectChart, TTermChart } from '../../core/charts';

// Charts to draw in tests and the benchmark: a term of school days with marks from a seeded
// generator, so that every run draws the same pictures.

export const TERM_2 = { name: '2-я четверть', from: '2026-11-05', to: '2026-12-27' };
export const TERM_2_EN = { ...TERM_2, name: 'term 2' };

function schoolDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = Date.parse(from); d <= Date.parse(to); d += 86_400_000) {
    const day = new Date(d);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

/** `count` marks over the term: mostly 4s and 5s, some 3s and 2s, now and then «зачёт» or «н/а», some of weight 2 or 3. */
export function termGrades(count: number, seed: number): TChartGrade[] {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const days = schoolDays(TERM_2.from, TERM_2.to);
  return Array.from({ length: count }, (_, i) => {
    const x = random();
    const value = x < 0.03 ? 'н/а' : x < 0.06 ? 'зачёт' : x < 0.14 ? '2' : x < 0.3 ? '3' : x < 0.62 ? '4' : '5';
    const weight = random() < 0.2 ? 2 : random() < 0.05 ? 3 : 1;
    return { date: days[Math.floor((i * days.length) / count)], value, weight };
  });
}

export function subjectChart(grades: number, lang: 'ru' | 'en' = 'ru', name = 'Алгебра'): TSubjectChart {
  return {
    childName: 'Маша',
    lang,
    period: lang === 'ru' ? TERM_2 : TERM_2_EN,
    subject: { name, grades: termGrades(grades, 7) },
  };
}

/** `subjects` subjects (the canonical ones, in order) of `grades` marks each. */
export function termChart(subjects: number, grades: number, lang: 'ru' | 'en' = 'ru'): TTermChart {
  const names = Object.keys(EN_SUBJECTS);
  return {
    childName: 'Маша',
    lang,
    period: lang === 'ru' ? TERM_2 : TERM_2_EN,
    subjects: Array.from({ length: subjects }, (_, i) => ({
      name: names[i % names.length],
      grades: termGrades(grades, i + 1),
    })),
  };
}
