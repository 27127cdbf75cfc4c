import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../prisma/db/database';
import { loadDemoSchool } from '../../prisma/demo/load-demo';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { DEMO_TODAY, DEMO_TZ } from '../helpers/demo-database';
import { runDnevnik } from '../helpers/dnevnik-cli';
import { openMigratedDataDir } from '../helpers/test-database';

// The real command, spawned: `dnevnik parse` without any database, `dnevnik ask` against an
// embedded database holding the demo school.

const NOW = '2026-12-02T13:00:00+03:00';

const dnevnik = runDnevnik;

describe('dnevnik parse', () => {
  it('prints one JSON line for an utterance, without touching any database', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-parse-'));
    const r = await dnevnik(['parse', '--now', NOW, 'что задали Маше на завтра по математике'], {
      env: { DATA_DIR: dataDir },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '{"intent":"homework","date":"2026-12-03","dateTo":null,"subject":"Математика","child":"Маша"}\n',
    );
    expect(fs.readdirSync(dataDir)).toEqual([]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads utterances from stdin, one JSON line each, in order', async () => {
    const r = await dnevnik(['parse', '--lang', 'en', '--now', NOW, '--tz', 'Europe/Moscow'], {
      stdin: "what's my math homework for tomorrow\nhello\n",
    });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ intent: 'homework', date: '2026-12-03', subject: 'Математика' });
    expect(Object.keys(lines[1])).toEqual(['intent', 'date', 'dateTo', 'subject', 'child']);
  });
});

describe('dnevnik ask', () => {
  let dataDir: string;
  let expectedGrades: string[];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-ask-'));
    const db = await openMigratedDataDir(path.join(dataDir, 'pglite'));
    await loadDemoSchool({
      ingestStore: createIngestStore(db),
      timezone: DEMO_TZ,
      today: DEMO_TODAY,
      prisma: db.prisma,
    });
    const link = await db.prisma.studentLink.findFirstOrThrow({ where: { personId: 'demo-guardian-1' } });
    const grades = await db.prisma.grade.findMany({
      where: { studentId: link.studentId, date: new Date(`${DEMO_TODAY}T00:00:00Z`), deletedAt: null },
    });
    expectedGrades = grades.map((g) => g.value);
    await db.close();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints the Telegram reply with the grades from the database', async () => {
    const r = await dnevnik(['ask', '--user', 'demo-guardian-1', '--now', NOW, 'оценки сегодня'], {
      env: { DATA_DIR: dataDir },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Оценки сегодня/);
    expect(r.stdout).not.toMatch(/<b>/);
    expect(expectedGrades.length).toBeGreaterThan(0);
    for (const v of expectedGrades) expect(r.stdout).toContain(`: ${v}`);
  });

  it('records the lookup in the access log as the operator’s, not as the parent’s', async () => {
    const db = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
    try {
      const rows = await db.prisma.accessLog.findMany({ where: { channel: 'cli' } });
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows)
        expect(row).toMatchObject({ viewerId: 'operator', viewerRole: 'operator', channel: 'cli' });
      expect(await db.prisma.accessLog.count({ where: { viewerId: { startsWith: 'demo-' } } })).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('prints Alice text and TTS, and Alexa SSML', async () => {
    const alice = await dnevnik(
      ['ask', '--user', 'demo-guardian-2', '--channel', 'alice', '--now', NOW, 'какое расписание у Артёма'],
      { env: { DATA_DIR: dataDir } },
    );
    expect(alice.code).toBe(0);
    expect(alice.stdout).toMatch(/^text: У Артёма сегодня .+ урок/m);
    expect(alice.stdout).toMatch(/^tts: У Арт\+ёма/m);
    const alexa = await dnevnik(['ask', '--user', 'demo-guardian-2', '--channel', 'alexa', '--now', NOW, 'balance'], {
      env: { DATA_DIR: dataDir },
    });
    expect(alexa.code).toBe(0);
    expect(alexa.stdout).toMatch(
      /^ssml: <speak>Artyom's canteen balance is|^ssml: <speak>Artyom&apos;s canteen balance is/m,
    );
  });

  it('fails clearly for an unknown person or missing options', async () => {
    const r = await dnevnik(['ask', '--user', 'nobody', '--now', NOW, 'оценки'], { env: { DATA_DIR: dataDir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no person "nobody"');
    const usage = await dnevnik(['ask', 'оценки'], { env: { DATA_DIR: dataDir } });
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('--user');
  });
});
