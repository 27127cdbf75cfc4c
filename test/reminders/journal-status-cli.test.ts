import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDnevnik } from '../helpers/dnevnik-cli';
import { allPresent, ingest, lessonEvents, schoolSetup, T2 } from '../helpers/reminder-fixtures';
import { openMigratedDataDir } from '../helpers/test-database';

// `dnevnik journal-status`, spawned against an embedded database as a school admin runs it.

const DAY = '2026-11-20';
const dnevnik = (args: string[], dataDir: string) => runDnevnik(args, { env: { DATA_DIR: dataDir, DEMO: 'false' } });
// Each command is a process of its own that opens the embedded database: on a busy machine tens of
// seconds, so a test allows a minute per command it runs.
const PER_COMMAND_MS = 60_000;

describe('dnevnik journal-status', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-journal-'));
    const db = await openMigratedDataDir(path.join(dataDir, 'pglite'));
    await ingest(db, [
      ...schoolSetup(),
      ...lessonEvents({ id: 'a', date: DAY, start: '08:30', end: '09:15', topic: 'Дроби', attendance: allPresent() }),
      ...lessonEvents({ id: 'b', date: DAY, start: '09:25', end: '10:10', attendance: allPresent() }),
      ...lessonEvents({
        id: 'c',
        date: DAY,
        start: '10:20',
        end: '11:05',
        topic: 'Тест',
        isTest: true,
        attendance: allPresent(),
        graded: ['rs-p1'],
      }),
      ...lessonEvents({ id: 'd', date: DAY, start: '11:15', end: '12:00', cancelled: true }),
      ...lessonEvents({
        id: 'e',
        date: DAY,
        start: '08:30',
        end: '09:15',
        teacherId: T2,
        subjectId: 'rs-phys',
        classId: 'rs-6b',
        topic: 'Механика',
      }),
    ]);
    await db.close();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it(
    'prints per teacher how many lessons are complete and incomplete, and why',
    async () => {
      const result = await dnevnik(['journal-status', '--school', 'rs', '--date', DAY], dataDir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe(`Школа № 7 (rs), ${DAY}: lessons are judged 2 h after they end`);
      const row = (name: string) =>
        lines
          .find((l) => l.startsWith(name))!
          .slice(name.length)
          .trim()
          .split(/\s+/)
          .map(Number);
      // lessons, complete, incomplete, not due, cancelled, no topic, no attendance, test ungraded
      expect(row('Петрова Анна Ивановна')).toEqual([4, 1, 2, 0, 1, 1, 0, 1]);
      expect(row('Орлов Иван')).toEqual([1, 0, 1, 0, 0, 0, 1, 0]);
      expect(row('total')).toEqual([5, 1, 3, 0, 1, 1, 1, 1]);
    },
    PER_COMMAND_MS,
  );

  it(
    'writes CSV, and refuses an unknown school or a missing --school',
    async () => {
      const csv = await dnevnik(['journal-status', '--school', 'rs', '--date', DAY, '--format', 'csv'], dataDir);
      expect(csv.stdout.split('\n')[0]).toBe(
        'teacherId,teacher,lessons,complete,incomplete,not_due,cancelled,no_topic,no_attendance,test_ungraded',
      );
      expect(csv.stdout).toContain('rs-t2,Орлов Иван,1,0,1,0,0,0,1,0');
      const unknown = await dnevnik(['journal-status', '--school', 'nope'], dataDir);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('no school "nope"');
      expect((await dnevnik(['journal-status'], dataDir)).code).toBe(1);
    },
    3 * PER_COMMAND_MS,
  );
});
