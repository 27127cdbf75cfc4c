import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventsFromCsv } from '../../cli/read-events-file';
import { openDatabase } from '../../prisma/db/database';
import { runDnevnik } from '../helpers/dnevnik-cli';

// `dnevnik import` end to end: a real process, a real embedded database in a temp DATA_DIR.

// Each command is killed after two minutes; a test's own limit leaves room for its command to run out.
const RUN_MS = 120_000;

const dnevnik = (args: string[], dataDir: string) =>
  runDnevnik(args, {
    env: { DATA_DIR: dataDir, DEMO: 'false', LOG_LEVEL: 'silent' },
    inheritEnv: false,
    timeoutMs: RUN_MS,
  });

const CSV = `id,type,occurredAt,schoolId,classId,subjectId,studentId,name,lastName,firstName,gradeId,date,value,weight,workType
e1,school.upserted,2026-12-01T09:00:00+03:00,s1,,,,Школа № 5,,,,,,,
e2,class.upserted,2026-12-01T09:00:00+03:00,s1,c1,,,5А,,,,,,,
e3,subject.upserted,2026-12-01T09:00:00+03:00,s1,,sub1,,Математика,,,,,,,
e4,student.upserted,2026-12-01T09:00:00+03:00,s1,c1,,st1,,Иванова,Маша,,,,,
e5,grade.upserted,2026-12-01T10:00:00+03:00,,,sub1,st1,,,,g1,2026-12-01,5,2,"Контрольная работа, вариант 1"
`;

describe('dnevnik import', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-import-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('CSV rows become typed events (numbers, quoted commas, empty cells left out)', () => {
    const events = eventsFromCsv(CSV) as { data: Record<string, unknown> }[];
    expect(events[4]).toEqual({
      id: 'e5',
      type: 'grade.upserted',
      occurredAt: '2026-12-01T10:00:00+03:00',
      data: {
        subjectId: 'sub1',
        studentId: 'st1',
        gradeId: 'g1',
        date: '2026-12-01',
        value: '5',
        weight: 2,
        workType: 'Контрольная работа, вариант 1',
      },
    });
  });

  test(
    'imports a CSV file, and a second import of the same file is all duplicates',
    async () => {
      const file = path.join(dir, 'events.csv');
      fs.writeFileSync(file, CSV);
      const dataDir = path.join(dir, 'data');
      const first = await dnevnik(['import', file], dataDir);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toEqual({ accepted: 5, duplicates: 0 });
      const second = await dnevnik(['import', file], dataDir);
      expect(JSON.parse(second.stdout)).toEqual({ accepted: 0, duplicates: 5 });

      const db = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
      try {
        const grade = await db.prisma.grade.findUniqueOrThrow({ where: { id: 'g1' } });
        expect(grade).toMatchObject({ value: '5', weight: 2, workType: 'Контрольная работа, вариант 1' });
      } finally {
        await db.close();
      }
    },
    // Two commands, the first migrating a fresh database: each may take up to RUN_MS on a busy machine.
    2 * RUN_MS + 10_000,
  );

  test(
    'a JSON file with one invalid event imports nothing and names the event',
    async () => {
      const file = path.join(dir, 'bad.json');
      const events = [
        {
          id: 'j1',
          type: 'school.upserted',
          occurredAt: '2026-12-01T09:00:00+03:00',
          data: { schoolId: 's9', name: 'Школа' },
        },
        {
          id: 'j2',
          type: 'grade.upserted',
          occurredAt: '2026-12-01T09:00:00+03:00',
          data: { gradeId: 'x', studentId: 'st1', subjectId: 'sub1', date: '2026-13-01', value: '5' },
        },
      ];
      fs.writeFileSync(file, JSON.stringify({ events }));
      const result = await dnevnik(['import', file], path.join(dir, 'data'));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/event 1 \(j2\): data\.date/);
      expect(result.stderr).toMatch(/nothing imported/);
    },
    RUN_MS + 10_000,
  );

  test(
    'a missing file is a clear error, not a stack trace',
    async () => {
      const result = await dnevnik(['import', path.join(dir, 'nope.json')], path.join(dir, 'data'));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/cannot read .*nope\.json/);
      expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
    },
    RUN_MS + 10_000,
  );
});
