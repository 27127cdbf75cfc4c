import type { TOutboxFact } from '../../../core/alerts';
import type { TSqlQuery } from '../../db/database';

// Who school news is for: the pupils of the classes it names, or of the whole school when it names
// none — always within the fact's own school, so a class id of another school (a journal's
// mistake, or a forged event) reaches nobody there. One statement for the batch's news facts;
// read through Student's (schoolId) index.

const NEWS_KINDS = new Set(['school_event.changed', 'announcement.published']);

export async function loadNewsStudents(
  query: TSqlQuery,
  facts: readonly TOutboxFact[],
): Promise<Map<string, string[]>> {
  const news = facts.flatMap((f) => {
    if (!NEWS_KINDS.has(f.kind)) return [];
    const p = f.payload as { schoolId?: unknown; classIds?: unknown };
    if (typeof p.schoolId !== 'string') return [];
    const classIds = Array.isArray(p.classIds) ? p.classIds.filter((c): c is string => typeof c === 'string') : [];
    return [{ id: f.id, schoolId: p.schoolId, classIds }];
  });
  const byFact = new Map<string, string[]>();
  if (news.length === 0) return byFact;
  const rows = await query<{ factId: string; studentId: string }>(
    `SELECT f.id AS "factId", st.id AS "studentId"
     FROM jsonb_to_recordset($1::jsonb) AS f(id text, "schoolId" text, "classIds" jsonb)
     JOIN "Student" st ON st."schoolId" = f."schoolId"
       AND (jsonb_array_length(f."classIds") = 0 OR st."classId" IN (SELECT jsonb_array_elements_text(f."classIds")))`,
    [JSON.stringify(news)],
  );
  for (const r of rows) byFact.set(r.factId, [...(byFact.get(r.factId) ?? []), r.studentId]);
  return byFact;
}
