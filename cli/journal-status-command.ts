import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import type { TTeacherJournalStatus } from '../core/reminders';
import { createJournalPort } from '../prisma/stores/reminders/reminder-journal';
import type { TCommandContext } from './command-context';
import { calendarDateOption } from './date-options';
import { unknownIdLine } from './unknown-id';

// `dnevnik journal-status --school <id> [--date YYYY-MM-DD]` — the school admin's view: per
// teacher, that day's lessons by journal completeness (the rule the reminders use). A lesson is
// judged once it ended the school's reminder delay ago; before that it counts as "not due".

export const JOURNAL_STATUS_USAGE =
  'usage: dnevnik journal-status --school <id> [--date YYYY-MM-DD] [--format text|csv]\n';

const COLUMNS = [
  'lessons',
  'complete',
  'incomplete',
  'not due',
  'cancelled',
  'no topic',
  'no attendance',
  'test ungraded',
] as const;

function figures(s: TTeacherJournalStatus): number[] {
  return [
    s.lessons,
    s.complete,
    s.incomplete,
    s.notDue,
    s.cancelled,
    s.missing.topic,
    s.missing.attendance,
    s.missing.grades,
  ];
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatJournalStatus(rows: TTeacherJournalStatus[], format: 'text' | 'csv'): string {
  if (format === 'csv') {
    const header = ['teacherId', 'teacher', ...COLUMNS.map((c) => c.replace(/ /g, '_'))].join(',');
    return (
      [header, ...rows.map((r) => [r.teacherId, r.teacherName, ...figures(r)].map(csvField).join(','))].join('\n') +
      '\n'
    );
  }
  const totals = COLUMNS.map((_, i) => rows.reduce((sum, r) => sum + figures(r)[i], 0));
  const nameWidth = Math.max(7, ...rows.map((r) => r.teacherName.length));
  const line = (name: string, values: (string | number)[]) =>
    `${name.padEnd(nameWidth)}  ${values.map((v, i) => String(v).padStart(COLUMNS[i].length)).join('  ')}`;
  return (
    [line('teacher', [...COLUMNS]), ...rows.map((r) => line(r.teacherName, figures(r))), line('total', totals)].join(
      '\n',
    ) + '\n'
  );
}

export async function journalStatusCommand(args: string[], ctx: TCommandContext): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { school: { type: 'string' }, date: { type: 'string' }, format: { type: 'string' } },
    }));
  } catch (err) {
    ctx.io.err.write(`dnevnik journal-status: ${(err as Error).message}\n${JOURNAL_STATUS_USAGE}`);
    return 1;
  }
  // The day goes into the query as it is: only a real one (not "2026-13-45", not a week date). Checked
  // first, so a bad date is named whatever else is missing.
  if (values.date !== undefined) calendarDateOption('--date', values.date);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'csv') {
    ctx.io.err.write(`dnevnik journal-status: --format must be text or csv, not "${format}"\n`);
    return 1;
  }
  if (!values.school) {
    ctx.io.err.write(
      `dnevnik journal-status: --school <id> is required (dnevnik list schools shows them)\n${JOURNAL_STATUS_USAGE}`,
    );
    return 1;
  }
  const schoolId = values.school;
  return ctx.withRuntime(async (runtime) => {
    const school = await runtime.db.prisma.school.findUnique({ where: { id: schoolId } });
    if (!school) {
      ctx.io.err.write(`dnevnik journal-status: ${await unknownIdLine(runtime.stores.roster, 'school', schoolId)}\n`);
      return 1;
    }
    const now = new Date();
    const date = values.date ?? DateTime.fromJSDate(now, { zone: school.timezone }).toISODate()!;
    const rows = (await createJournalPort(runtime.db).journalStatus(schoolId, date, now)) ?? [];
    if (format === 'text') {
      ctx.io.out.write(
        `${school.name} (${school.id}), ${date}: lessons are judged ${school.reminderDelayHours} h after they end\n`,
      );
      if (rows.length === 0) {
        ctx.io.out.write('no lessons that day\n');
        return 0;
      }
    }
    ctx.io.out.write(formatJournalStatus(rows, format));
    return 0;
  });
}
