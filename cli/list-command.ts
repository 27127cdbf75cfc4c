import { parseArgs } from 'node:util';
import type { RosterReader, TRosterFilter } from '../core/roster';
import type { TCommandContext } from './command-context';
import { formatTable, TABLE_FORMATS, type TTableFormat } from './table-output';
import { missingIdLine } from './unknown-id';

// `dnevnik list schools|classes|students|teachers|people` (README "Command line"): the ids the other
// commands take, with the names an operator knows them by. The operator's own tool, like `ask`:
// every school is listed; --school and --class narrow the list.

export const LIST_USAGE =
  'usage: dnevnik list schools|classes|students|teachers|people [--school <id>] [--class <id>] [--format text|csv]\n';

type TTable = { header: string[]; rows: (string | number)[][] };
type TListing = (roster: RosterReader, filter: TRosterFilter, blank: string) => Promise<TTable>;

const LISTINGS: Record<string, { byClass: boolean; list: TListing }> = {
  schools: {
    byClass: false,
    list: async (roster, filter) => ({
      header: ['id', 'name', 'timezone', 'classes', 'students', 'teachers'],
      rows: (await roster.schools(filter)).map((s) => [s.id, s.name, s.timezone, s.classes, s.students, s.teachers]),
    }),
  },
  classes: {
    byClass: false,
    list: async (roster, filter, blank) => ({
      header: ['id', 'school', 'name', 'homeroom', 'students'],
      rows: (await roster.classes(filter)).map((c) => [
        c.id,
        c.schoolId,
        c.name,
        c.homeroomTeacherId ?? blank,
        c.students,
      ]),
    }),
  },
  students: {
    byClass: true,
    list: async (roster, filter) => ({
      header: ['id', 'school', 'class', 'className', 'name'],
      rows: (await roster.students(filter)).map((s) => [s.id, s.schoolId, s.classId, s.className, s.name]),
    }),
  },
  teachers: {
    byClass: true,
    list: async (roster, filter) => ({
      header: ['id', 'school', 'name', 'linked'],
      rows: (await roster.teachers(filter)).map((t) => [t.id, t.schoolId, t.name, t.linked]),
    }),
  },
  people: {
    byClass: true,
    // A person has no name in the database: what tells them apart is how they are linked.
    list: async (roster, filter, blank) => ({
      header: ['id', 'roles', 'students', 'teachers', 'channels', 'since'],
      rows: (await roster.people(filter)).map((p) => [
        p.id,
        p.roles.join(' ') || blank,
        p.students,
        p.teacherIds.join(' ') || blank,
        p.channels.join(' ') || blank,
        p.createdAt.toISOString().slice(0, 10),
      ]),
    }),
  },
};

export async function listCommand(args: string[], ctx: TCommandContext): Promise<number> {
  const fail = (message: string) => {
    ctx.io.err.write(`dnevnik list: ${message}\n${LIST_USAGE}`);
    return 1;
  };
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { school: { type: 'string' }, class: { type: 'string' }, format: { type: 'string' } },
  });
  if (positionals.length !== 1)
    return fail(positionals.length === 0 ? 'what to list is missing' : `unexpected argument "${positionals[1]}"`);
  const what = positionals[0];
  const listing = Object.hasOwn(LISTINGS, what) ? LISTINGS[what] : undefined;
  if (!listing) return fail(`cannot list "${what}"`);
  const format = (values.format ?? 'text') as TTableFormat;
  if (!TABLE_FORMATS.includes(format)) return fail(`--format must be text or csv, not "${values.format}"`);
  if (values.class !== undefined && !listing.byClass) return fail(`--class does not narrow ${what}; give --school`);
  const filter: TRosterFilter = { schoolId: values.school, classId: values.class };

  return ctx.withRuntime(async (runtime) => {
    const { roster } = runtime.stores;
    // A filter naming nothing would list nothing, silently: say so, with the ids that were meant.
    for (const [kind, id] of [
      ['school', filter.schoolId],
      ['class', filter.classId],
    ] as const) {
      const missing = id === undefined ? null : await missingIdLine(roster, kind, id);
      if (missing) {
        ctx.io.err.write(`dnevnik list: ${missing}\n`);
        return 1;
      }
    }
    const table = await listing.list(roster, filter, format === 'csv' ? '' : '-');
    if (format === 'text' && table.rows.length === 0) ctx.io.out.write(`no ${what}\n`);
    else ctx.io.out.write(formatTable(table.header, table.rows, format));
    return 0;
  });
}
