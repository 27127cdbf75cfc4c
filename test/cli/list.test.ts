import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TCommandContext } from '../../cli/command-context';
import { runRuntimeCommand } from '../../cli/runtime-commands';
import { runDnevnik, startEmbeddedServer, type TEmbeddedServer } from '../helpers/dnevnik-cli';

// `dnevnik list` and the "did you mean" of every command given an id that does not exist, end to
// end. One server for the whole file (it loads the demo school; a second school is imported
// through it) runs every command: starting the embedded database once is most of the time.

const SECOND_SCHOOL = [
  ['school.upserted', { schoolId: 's2', name: 'Лицей "Вектор", корпус 2' }],
  ['teacher.upserted', { schoolId: 's2', teacherId: 's2-t1', lastName: 'Орлова', firstName: 'Анна' }],
  ['teacher.upserted', { schoolId: 's2', teacherId: 's2-t2', lastName: 'Ким', firstName: 'Виктор' }],
  ['class.upserted', { schoolId: 's2', classId: 's2-5a', name: '5А', homeroomTeacherId: 's2-t1' }],
  ['class.upserted', { schoolId: 's2', classId: 's2-10b', name: '10Б' }],
  ['subject.upserted', { schoolId: 's2', subjectId: 's2-math', name: 'Математика' }],
  [
    'student.upserted',
    { schoolId: 's2', studentId: 's2-st1', classId: 's2-5a', lastName: 'Иванова', firstName: 'Маша' },
  ],
  [
    'student.upserted',
    { schoolId: 's2', studentId: 's2-st2', classId: 's2-10b', lastName: 'Петров', firstName: 'Коля' },
  ],
  [
    'lesson.upserted',
    {
      lessonId: 's2-l1',
      classId: 's2-10b',
      subjectId: 's2-math',
      teacherId: 's2-t2',
      date: '2026-12-01',
      start: '08:30',
      end: '09:15',
    },
  ],
].map(([type, data], i) => ({ id: `s2-e${i}`, type, occurredAt: '2026-12-01T09:00:00+03:00', data }));

// Each command is killed after a minute; a test's own limit leaves room for its commands to run out.
const RUN_MS = 60_000;

describe('dnevnik list: bad input is refused before the database is opened', () => {
  it.each([
    [[], /^dnevnik list: what to list is missing\nusage: dnevnik list /],
    [['pupils'], /^dnevnik list: cannot list "pupils"\nusage: /],
    [['schools', 'extra'], /^dnevnik list: unexpected argument "extra"\n/],
    [['schools', '--class', 's2-5a'], /^dnevnik list: --class does not narrow schools; give --school\n/],
    [['students', '--format', 'xml'], /^dnevnik list: --format must be text or csv, not "xml"\n/],
    [['students', '--bogus'], /^dnevnik list: Unknown option '--bogus' \(dnevnik --help lists the options\)\n$/],
  ])('list %j', async (args, message) => {
    const err: string[] = [];
    const ctx: TCommandContext = {
      io: { out: { write: () => true }, err: { write: (c) => err.push(String(c)) }, interactive: false },
      withRuntime: () => Promise.reject(new Error('the database was opened')),
    };
    await expect(runRuntimeCommand('list', args, ctx)).resolves.toBe(1);
    expect(err.join('')).toMatch(message);
  });
});

describe('dnevnik list, and ids that do not exist', () => {
  let dir: string;
  let server: TEmbeddedServer | undefined;
  const env = () => ({ DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn' });
  const dnevnik = (args: string[]) => runDnevnik(args, { cwd: dir, env: env(), inheritEnv: false, timeoutMs: RUN_MS });
  const lines = (text: string) => text.trimEnd().split('\n');
  const ids = (text: string) =>
    lines(text)
      .slice(1)
      .map((l) => l.split(/\s+/)[0]);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-list-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    server = await startEmbeddedServer({
      dataDir: path.join(dir, 'data'),
      env: { ...env(), PORT: String(port), TELEGRAM_BOT_USERNAME: 'school_diary_bot' },
      inheritEnv: false,
    });
    fs.writeFileSync(path.join(dir, 'second.json'), JSON.stringify({ events: SECOND_SCHOOL }));
    const imported = await dnevnik(['import', 'second.json']);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toEqual({ accepted: SECOND_SCHOOL.length, duplicates: 0 });
  }, 150_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('list', () => {
    test(
      'schools: every school, in aligned columns; --school narrows to one',
      async () => {
        const all = await dnevnik(['list', 'schools']);
        expect(all.stderr).toBe('');
        expect(all.code).toBe(0);
        const [header, ...rows] = lines(all.stdout);
        expect(header.split(/\s+/)).toEqual(['id', 'name', 'timezone', 'classes', 'students', 'teachers']);
        expect(ids(all.stdout)).toEqual(['demo-school', 's2']);
        // Aligned: each column starts where its header does.
        const at = header.indexOf('timezone');
        for (const row of rows) expect(row.slice(at)).toMatch(/^Europe\/Moscow /);
        expect(rows[1]).toMatch(/^s2 +Лицей "Вектор", корпус 2 +Europe\/Moscow +2 +2 +2$/);

        expect(ids((await dnevnik(['list', 'schools', '--school', 's2'])).stdout)).toEqual(['s2']);
      },
      RUN_MS + 10_000,
    );

    test(
      'students: both schools for the operator; --school and --class keep to theirs',
      async () => {
        const all = ids((await dnevnik(['list', 'students'])).stdout);
        expect(all).toEqual(expect.arrayContaining(['s2-st1', 's2-st2']));
        expect(all.some((id) => id.startsWith('stu-'))).toBe(true);

        const second = await dnevnik(['list', 'students', '--school', 's2']);
        expect(lines(second.stdout)).toEqual([
          'id      school  class   className  name',
          's2-st1  s2      s2-5a   5А         Иванова Маша',
          's2-st2  s2      s2-10b  10Б        Петров Коля',
        ]);
        expect(ids((await dnevnik(['list', 'students', '--class', 's2-10b'])).stdout)).toEqual(['s2-st2']);
        const demo = ids((await dnevnik(['list', 'students', '--school', 'demo-school'])).stdout);
        expect(demo.length).toBeGreaterThan(10);
        expect(demo.filter((id) => id.startsWith('s2-'))).toEqual([]);
      },
      4 * RUN_MS,
    );

    test(
      'csv: a header and one row each, quoted where a field holds a comma or a quote',
      async () => {
        const csv = await dnevnik(['list', 'schools', '--school', 's2', '--format', 'csv']);
        expect(csv.stdout).toBe(
          'id,name,timezone,classes,students,teachers\ns2,"Лицей ""Вектор"", корпус 2",Europe/Moscow,2,2,2\n',
        );
        const classes = await dnevnik(['list', 'classes', '--school', 's2', '--format', 'csv']);
        expect(classes.stdout).toBe('id,school,name,homeroom,students\ns2-5a,s2,5А,s2-t1,1\ns2-10b,s2,10Б,,1\n');
      },
      2 * RUN_MS,
    );

    test(
      'teachers: by school; by class, its homeroom teacher and whoever teaches it',
      async () => {
        expect(ids((await dnevnik(['list', 'teachers', '--school', 's2'])).stdout)).toEqual(['s2-t2', 's2-t1']);
        expect(ids((await dnevnik(['list', 'teachers', '--class', 's2-5a'])).stdout)).toEqual(['s2-t1']);
        expect(ids((await dnevnik(['list', 'teachers', '--class', 's2-10b'])).stdout)).toEqual(['s2-t2']);
      },
      3 * RUN_MS,
    );

    test(
      'people: how each is linked, no names; a school nobody is linked in lists none',
      async () => {
        const demo = await dnevnik(['list', 'people', '--school', 'demo-school']);
        expect(demo.code).toBe(0);
        const [header, ...rows] = lines(demo.stdout);
        expect(header.split(/\s+/)).toEqual(['id', 'roles', 'students', 'teachers', 'channels', 'since']);
        expect(rows.find((r) => r.startsWith('demo-guardian-1 '))).toMatch(/^demo-guardian-1 +guardian +\d+ +- /);
        expect(rows.some((r) => /^demo-teacher-\S+ +teacher +0 +tch-/.test(r))).toBe(true);
        const none = await dnevnik(['list', 'people', '--school', 's2']);
        expect(none.code).toBe(0);
        expect(none.stdout).toBe('no people\n');
        expect((await dnevnik(['list', 'people', '--school', 's2', '--format', 'csv'])).stdout).toBe(
          'id,roles,students,teachers,channels,since\n',
        );
      },
      3 * RUN_MS,
    );

    test(
      'a filter naming nothing says so, with the ids meant, exit 1',
      async () => {
        for (const [args, message] of [
          [['list', 'students', '--school', 's3'], 'dnevnik list: no school "s3" — did you mean s2?\n'],
          [['list', 'people', '--class', 's2-5b'], 'dnevnik list: no class "s2-5b" — did you mean s2-5a?\n'],
        ] as const) {
          const result = await dnevnik([...args]);
          expect(result.code).toBe(1);
          expect(result.stdout).toBe('');
          expect(result.stderr).toBe(message);
        }
      },
      2 * RUN_MS,
    );
  });

  describe('an id that does not exist', () => {
    test(
      'codes, privacy access, journal-status, ask: "no … — did you mean", exit 1',
      async () => {
        for (const [args, message] of [
          [['codes', '--student', 's2-st3'], 'dnevnik codes: no student "s2-st3" — did you mean s2-st1, s2-st2?\n'],
          [['codes', '--class', 's2-5'], 'dnevnik codes: no class "s2-5" — did you mean s2-5a?\n'],
          [['codes', '--teacher', 's2-t'], 'dnevnik codes: no teacher "s2-t" — did you mean s2-t1, s2-t2?\n'],
          [
            ['privacy', 'access', '--student', 's2-st'],
            'dnevnik privacy access: no student "s2-st" — did you mean s2-st1, s2-st2?\n',
          ],
          [['journal-status', '--school', 's3'], 'dnevnik journal-status: no school "s3" — did you mean s2?\n'],
          [
            ['ask', '--user', 'demo-guardian-x', 'оценки'],
            /^dnevnik ask: no person "demo-guardian-x" — did you mean demo-guardian-1, demo-guardian-2, demo-guardian-3\?\n$/,
          ],
          // Nothing close: no guess.
          [['codes', '--student', 'nobody'], 'dnevnik codes: no student "nobody"\n'],
        ] as const) {
          const result = await dnevnik([...args]);
          expect(result.code).toBe(1);
          expect(result.stdout).toBe('');
          if (typeof message === 'string') expect(result.stderr).toBe(message);
          else expect(result.stderr).toMatch(message);
        }
      },
      7 * RUN_MS,
    );

    test(
      'another school’s ids are not unknown: the operator’s commands take them',
      async () => {
        const access = await dnevnik(['privacy', 'access', '--student', 's2-st1']);
        expect(access.stderr).toBe('');
        expect(access.code).toBe(0);
        expect(access.stdout).toMatch(/^0 access\(es\) to student s2-st1/m);
        const codes = await dnevnik(['codes', '--class', 's2-5a', '--format', 'csv']);
        expect(codes.code).toBe(0);
        expect(codes.stdout).toMatch(
          /^\d{4} \d{4} \d{4},guardian,s2-st1,,"?Иванова Маша, 5А"?,https:\/\/t\.me\/school_diary_bot\?start=\d{12},,/m,
        );
      },
      2 * RUN_MS,
    );
  });

  test(
    'import of a file holding no events: one line, exit 1',
    async () => {
      for (const [name, content] of [
        ['empty.json', ''],
        ['none.json', '{"events": []}'],
        ['header.csv', 'id,type,occurredAt\n'],
      ]) {
        fs.writeFileSync(path.join(dir, name), content);
        const result = await dnevnik(['import', name]);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(
          new RegExp(
            `^dnevnik: \\S*${name.replace('.', '\\.')} holds no events \\(empty, \\[\\] or a CSV header alone\\): nothing imported\\n$`,
          ),
        );
      }
    },
    3 * RUN_MS,
  );
});
