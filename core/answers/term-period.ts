import type { TTermMention } from '../nlu/types';
import type { TPeriodKind, TPeriod as TTermPeriod } from '../terms/period-types';
import { currentPeriod } from '../terms/school-year-periods';

// Which of a school's periods a question means. A kind the school does not use («четверть» in a
// school of trimesters) means its own marking period; a period that is not there («пятая
// четверть») is said so, not guessed.

/** The kind a school marks by, when a question names none or one it does not use: its shortest. */
export function mainKind(periods: readonly TTermPeriod[]): TPeriodKind | null {
  for (const kind of ['quarter', 'trimester', 'half', 'year'] as const)
    if (periods.some((p) => p.kind === kind)) return kind;
  return null;
}

export type TPeriodChoice = { period: TTermPeriod } | { missing: { kind: TPeriodKind; number: number | null } };

export function choosePeriod(
  periods: readonly TTermPeriod[],
  mention: TTermMention | null | undefined,
  today: string,
): TPeriodChoice {
  const asked = mention?.kind ?? null;
  const kind = asked && periods.some((p) => p.kind === asked) ? asked : mainKind(periods);
  if (!kind) return { missing: { kind: asked ?? 'quarter', number: null } };
  const ofKind = periods.filter((p) => p.kind === kind).sort((a, b) => a.start.localeCompare(b.start));
  const current = currentPeriod(periods, kind, today);
  const which = mention?.which ?? 'current';
  if (which === 'current') return current ? { period: current } : { missing: { kind, number: null } };
  if (which === 'previous') {
    const before = current ? ofKind.filter((p) => p.end < current.start).at(-1) : undefined;
    // 0: the one before the first, asked in the first period of the year.
    return before ? { period: before } : { missing: { kind, number: current ? current.number - 1 : null } };
  }
  const numbered = ofKind.find((p) => p.number === which);
  return numbered ? { period: numbered } : { missing: { kind, number: which } };
}
