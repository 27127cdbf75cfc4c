import type { TSqlQuery } from '../../db/database';

// The rule of core/linking/pupil-gate.ts in one statement: the school's setting, or a guardian
// link of the pupil whose person has a consent in force. An unknown student may not.

export async function pupilMayConsent(query: TSqlQuery, studentId: string): Promise<boolean> {
  const [row] = await query<{ allowed: boolean }>(
    `SELECT sc."studentSelfConsent" OR EXISTS (
              SELECT 1 FROM "StudentLink" l JOIN "Consent" k ON k."personId" = l."personId" AND k."withdrawnAt" IS NULL
               WHERE l."studentId" = s.id AND l.role = 'guardian') AS allowed
       FROM "Student" s JOIN "School" sc ON sc.id = s."schoolId"
      WHERE s.id = $1`,
    [studentId],
  );
  return row?.allowed === true;
}
