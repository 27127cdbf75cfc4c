import type { TOutboxFact, TRecipient, TSubjectAverage } from '../../../core/alerts';
import { averagePairs, WARNING_INTERVAL_MS } from '../../../core/alerts';
import { defaultPeriods, roundingOrDefault } from '../../../core/terms';
import type { TSqlQuery } from '../../db/database';

// The averages behind the "below a 4" warning, for the planner: one statement per batch, and none
// when no recipient of the batch's students has the warning on. It is cheap because it reads only
// the subjects the batch brought new grades in, each through an index: the school's period around
// the grade (Period by school and start), that period's grades of one student in one subject
// (Grade by student and date: tens of rows), and the last week's warnings (AlertItem by ref).

interface TAverageRow {
  studentId: string;
  subjectId: string;
  rounding: unknown;
  sumAfter: number;
  weightAfter: number;
  sumBefore: number;
  weightBefore: number;
  warnedChats: string[];
}

/** As core/diary weightedAverage: hundredths, null without a numeric grade. */
const average = (sum: number, weight: number) => (weight === 0 ? null : Math.round((sum / weight) * 100) / 100);

export async function loadSubjectAverages(
  query: TSqlQuery,
  facts: TOutboxFact[],
  recipients: Map<string, TRecipient[]>,
  now: Date,
): Promise<TSubjectAverage[]> {
  const watched = (studentId: string) =>
    (recipients.get(studentId) ?? []).some((r) => r.subscription.type === 'grade-average' && r.subscription.enabled);
  const pairs = averagePairs(facts).filter((p) => watched(p.studentId));
  if (pairs.length === 0) return [];
  // A school that sent no periods has the default quarters (core/terms), as its answers do.
  const rows = pairs.map((p) => {
    const quarter = defaultPeriods(p.day).find((d) => d.kind === 'quarter' && d.start <= p.day && p.day <= d.end);
    return { ...p, fallbackStart: quarter?.start ?? null, fallbackEnd: quarter?.end ?? null };
  });
  const found = await query<TAverageRow>(
    `WITH pair AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x("studentId" text, "subjectId" text, day date, "fallbackStart" date, "fallbackEnd" date, "gradeIds" jsonb)
     ), span AS (
       SELECT pair.*, sc.rounding, coalesce(p.start, pair."fallbackStart") AS "from", coalesce(p."end", pair."fallbackEnd") AS "to"
       FROM pair
       JOIN "Student" st ON st.id = pair."studentId"
       JOIN "School" sc ON sc.id = st."schoolId"
       LEFT JOIN LATERAL (
         SELECT start, "end" FROM "Period"
         WHERE "schoolId" = st."schoolId" AND "deletedAt" IS NULL AND start <= pair.day AND "end" >= pair.day
         ORDER BY "end" - start, id LIMIT 1
       ) p ON true
     )
     SELECT s."studentId", s."subjectId", s.rounding,
       coalesce(sum(g.value::int * g.weight), 0)::float8 AS "sumAfter",
       coalesce(sum(g.weight), 0)::float8 AS "weightAfter",
       coalesce(sum(g.value::int * g.weight) FILTER (WHERE NOT s."gradeIds" ? g.id), 0)::float8 AS "sumBefore",
       coalesce(sum(g.weight) FILTER (WHERE NOT s."gradeIds" ? g.id), 0)::float8 AS "weightBefore",
       (SELECT coalesce(jsonb_agg(DISTINCT i."chatId"), '[]'::jsonb) FROM "AlertItem" i
        WHERE i."refId" = 'avg:' || s."studentId" || ':' || s."subjectId" AND i.kind = 'grade.average-low'
          AND i."ingestedAt" > $2::timestamptz) AS "warnedChats"
     FROM span s
     LEFT JOIN "Grade" g ON g."studentId" = s."studentId" AND g."subjectId" = s."subjectId"
       AND g.date BETWEEN s."from" AND s."to" AND g."deletedAt" IS NULL AND g.value IN ('1', '2', '3', '4', '5')
     GROUP BY s."studentId", s."subjectId", s.rounding, s."gradeIds"`,
    [JSON.stringify(rows), new Date(now.getTime() - WARNING_INTERVAL_MS).toISOString()],
  );
  const byKey = new Map(found.map((r) => [`${r.studentId}\u0000${r.subjectId}`, r]));
  return pairs.flatMap((p) => {
    const r = byKey.get(`${p.studentId}\u0000${p.subjectId}`);
    if (!r) return [];
    return [
      {
        studentId: p.studentId,
        subjectId: p.subjectId,
        before: average(r.sumBefore, r.weightBefore),
        after: average(r.sumAfter, r.weightAfter),
        threshold: roundingOrDefault(r.rounding)['4'],
        warnedChats: r.warnedChats,
        factId: p.factId,
        createdAt: p.createdAt,
      },
    ];
  });
}
