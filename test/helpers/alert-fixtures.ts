import type { TSqlQuery } from '../../prisma/db/database';

// People who want alerts: for each student, `guardians` parents with a Telegram (or VK) chat, a link,
// a consent and an instant grades subscription without quiet hours (tests run at any hour).

export interface TFamilyOptions {
  studentIds: string[];
  guardiansOf: (studentIndex: number) => number;
  /** Chat ids of the n-th guardian of the i-th student. */
  chatIdOf?: (studentIndex: number, guardian: number) => string;
  mode?: 'instant' | 'digest';
  /** Platform of the n-th guardian's chat of the i-th student (default telegram). */
  channelOf?: (studentIndex: number, guardian: number) => 'telegram' | 'vk' | 'max';
  /** The alert types each guardian has on (default grades only). */
  types?: readonly string[];
}

export async function seedFamilies(query: TSqlQuery, options: TFamilyOptions): Promise<{ chats: string[] }> {
  const rows: { personId: string; studentId: string; chatId: string; externalId: string; channel: string }[] = [];
  options.studentIds.forEach((studentId, i) => {
    for (let g = 0; g < options.guardiansOf(i); g++) {
      const externalId = options.chatIdOf?.(i, g) ?? `${100000 + i * 10 + g}`;
      rows.push({
        personId: `p-${studentId}-${g}`,
        studentId,
        chatId: `c-${studentId}-${g}`,
        externalId,
        channel: options.channelOf?.(i, g) ?? 'telegram',
      });
    }
  });
  const data = JSON.stringify(rows);
  const from = `FROM jsonb_to_recordset($1::jsonb) AS x("personId" text, "studentId" text, "chatId" text, "externalId" text, channel text)`;
  await query(`INSERT INTO "Person" (id, locale) SELECT "personId", 'ru' ${from}`, [data]);
  await query(
    `INSERT INTO "Chat" (id, "personId", channel, "externalId", locale) SELECT "chatId", "personId", channel, "externalId", 'ru' ${from}`,
    [data],
  );
  await query(
    `INSERT INTO "StudentLink" ("personId", "studentId", role) SELECT "personId", "studentId", 'guardian' ${from}`,
    [data],
  );
  await query(
    `INSERT INTO "Consent" (id, "personId", "textVersion", "textHash", channel) SELECT 'k-' || "personId", "personId", 'v1', 'h', channel ${from}`,
    [data],
  );
  await query(
    `INSERT INTO "Subscription" (id, "personId", "studentId", type, enabled, mode, "quietFrom", "quietTo", "updatedAt")
     SELECT CASE WHEN t.type = 'grades' THEN 's-' || "personId" ELSE 's-' || "personId" || '-' || t.type END,
       "personId", "studentId", t.type, true, $2, '00:00', '00:00', now()
     ${from} CROSS JOIN unnest($3::text[]) AS t(type)`,
    [data, options.mode ?? 'instant', options.types ?? ['grades']],
  );
  return { chats: rows.map((r) => r.externalId) };
}
