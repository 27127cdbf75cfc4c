import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TCommandContext } from '../../cli/command-context';
import { runRuntimeCommand } from '../../cli/runtime-commands';
import { parseConfig, type TConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { openRuntime, type Runtime } from '../../main';
import { runDnevnik, startEmbeddedServer, type TEmbeddedServer } from '../helpers/dnevnik-cli';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// `dnevnik codes` end to end: real processes, run by one server on an embedded database in a temp
// DATA_DIR (the school loaded with `dnevnik import`, faster than the whole demo school). Which
// channels the letters name depends on the configuration only, so those cases run in process, on
// one runtime whose configuration each case replaces.

const SCHOOL = `id,type,occurredAt,schoolId,classId,studentId,name,lastName,firstName
e1,school.upserted,2026-12-01T09:00:00+03:00,s1,,,Школа № 5,,
e2,class.upserted,2026-12-01T09:00:00+03:00,s1,c1,,5А,,
e3,student.upserted,2026-12-01T09:00:00+03:00,s1,c1,st1,,Иванова,Маша
e4,student.upserted,2026-12-01T09:00:00+03:00,s1,c1,st2,,Петров,Коля
`;

// Each command is killed after a minute; a test's own limit leaves room for its commands to run out.
const RUN_MS = 60_000;

describe('dnevnik codes', () => {
  let dir: string;
  let server: TEmbeddedServer | undefined;
  const env = () => ({ DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn' });
  const dnevnik = (args: string[]) => runDnevnik(args, { cwd: dir, env: env(), inheritEnv: false, timeoutMs: RUN_MS });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-codes-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    // The server runs the commands, with its configuration: the bots and the VK community it names
    // (the MAX username with the leading @ an operator may well copy along).
    server = await startEmbeddedServer({
      dataDir: path.join(dir, 'data'),
      env: {
        ...env(),
        PORT: String(port),
        DEMO: 'false',
        TELEGRAM_BOT_USERNAME: 'school_diary_bot',
        VK_GROUP_ID: '12345',
        MAX_BOT_USERNAME: '@school_diary_max_bot',
      },
      inheritEnv: false,
    });
    fs.writeFileSync(path.join(dir, 'school.csv'), SCHOOL);
    const imported = await dnevnik(['import', 'school.csv', '--no-progress']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
  }, 150_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test(
    'text: code in groups of four with its Telegram deep link, VK link and MAX deep link',
    async () => {
      const result = await dnevnik(['codes', '--student', 'st1']);
      expect(result.code).toBe(0);
      const code = result.stdout.match(/code: +(\d{4} \d{4} \d{4})/)![1];
      const compact = code.replace(/ /g, '');
      expect(result.stdout).toContain('Иванова Маша, 5А (guardian)');
      expect(result.stdout).toContain(`https://t.me/school_diary_bot?start=${compact}`);
      expect(result.stdout).toContain(`https://vk.me/club12345?ref=${compact}`);
      expect(result.stdout).toContain(`\n  max:      https://max.ru/school_diary_max_bot?start=${compact}\n`);
    },
    RUN_MS + 10_000,
  );

  test(
    'csv for a class: a header with a code column, one guardian code per student',
    async () => {
      const result = await dnevnik(['codes', '--class', 'c1', '--format', 'csv', '--days', '7']);
      expect(result.code).toBe(0);
      const [header, ...rows] = result.stdout.trim().split('\n');
      const columns = header.split(',');
      // The link columns in a stable order, a new channel after the ones before it.
      expect(columns).toEqual(['code', 'role', 'studentId', 'teacherId', 'name', 'telegram', 'vk', 'max', 'expiresAt']);
      expect(rows).toHaveLength(2);
      const codes = rows.map((r) => r.split(',')[columns.indexOf('code')]);
      for (const c of codes) expect(c).toMatch(/^\d{4} \d{4} \d{4}$/);
      const compact = codes[0].replace(/ /g, '');
      expect(rows[0]).toContain(
        `,https://t.me/school_diary_bot?start=${compact},https://vk.me/club12345?ref=${compact},https://max.ru/school_diary_max_bot?start=${compact},`,
      );
      expect(rows.map((r) => r.split(',')[columns.indexOf('studentId')])).toEqual(['st1', 'st2']);
    },
    RUN_MS + 10_000,
  );

  test(
    'pdf: one A4 page per code',
    async () => {
      const out = path.join(dir, 'letters.pdf');
      const result = await dnevnik(['codes', '--class', 'c1', '--format', 'pdf', '--out', out]);
      expect(result.code).toBe(0);
      const pdf = fs.readFileSync(out);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdf.toString('latin1');
      expect(text.match(/\/Type \/Page\b/g)).toHaveLength(2);
      expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
    },
    RUN_MS + 10_000,
  );

  test(
    'unknown student, class or teacher → a clear error, exit 1, no code printed',
    async () => {
      for (const [flag, id] of [
        ['--student', 'nobody'],
        ['--class', 'c9'],
        ['--teacher', 't9'],
      ]) {
        const result = await dnevnik(['codes', flag, id]);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(new RegExp(`no (student|class|teacher) "${id}"`));
        expect(result.stdout).toBe('');
      }
      expect((await dnevnik(['codes'])).code).toBe(1);
    },
    4 * RUN_MS + 10_000,
  );
});

describe('dnevnik codes: the letters name the configured channels only', () => {
  let db: TestDatabase;
  let runtime: Runtime;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-codes-channels-'));
    db = await createTestDatabase('pglite');
    const config = parseConfig({
      DATA_DIR: dir,
      LINK_CODE_PEPPER: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
      DEMO: 'false',
    });
    runtime = await openRuntime(config, { db, logger: createLogger('silent') });
    await db.prisma.school.create({ data: { id: 's1', name: 'Школа № 5' } });
    await db.prisma.schoolClass.create({ data: { id: 'c1', schoolId: 's1', name: '5А' } });
    await db.prisma.student.create({
      data: { id: 'st1', schoolId: 's1', classId: 'c1', lastName: 'Иванова', firstName: 'Маша' },
    });
  });

  afterAll(async () => {
    await runtime?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** `dnevnik codes …` on the runtime, with these channel variables instead of its own. */
  async function codes(args: string[], channels: Partial<TConfig>) {
    const out: string[] = [];
    const err: string[] = [];
    const configured: Runtime = { ...runtime, config: { ...runtime.config, ...channels } };
    const ctx: TCommandContext = {
      io: {
        out: { write: (c) => out.push(String(c)) },
        err: { write: (c) => err.push(String(c)) },
        interactive: false,
      },
      withRuntime: (work) => work(configured),
    };
    const code = await runRuntimeCommand('codes', args, ctx);
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  test('none configured: one line saying what to set, exit 1, and no code stored', async () => {
    const result = await codes(['--student', 'st1'], {});
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^dnevnik codes: the letters would point to no bot or skill: set TELEGRAM_BOT_USERNAME [^\n]*\n$/,
    );
    expect(result.stderr).toContain('MAX_BOT_USERNAME');
    expect(await db.prisma.linkCode.count()).toBe(0);
  });

  test('VK without a Telegram bot: only the VK link', async () => {
    const result = await codes(['--student', 'st1'], { VK_GROUP_ID: 12345 });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}vk: +https:\/\/vk\.me\/club12345\?ref=\d{12}$/m);
    expect(result.stdout).not.toMatch(/telegram|t\.me|max/);
    const csv = await codes(['--student', 'st1', '--format', 'csv'], { VK_GROUP_ID: 12345 });
    // name, telegram (empty), vk, max (empty)
    expect(csv.stdout).toMatch(/,"Иванова Маша, 5А",,https:\/\/vk\.me\/club12345\?ref=\d{12},,/);
  });

  test('MAX alone is a channel: its link in the text, its column and the QR code of the letter', async () => {
    // As an operator may type it: the link drops the @ even where the configuration has kept it.
    const max = { MAX_BOT_USERNAME: '@school_diary_max_bot' };
    const result = await codes(['--student', 'st1'], max);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}max: +https:\/\/max\.ru\/school_diary_max_bot\?start=\d{12}$/m);
    expect(result.stdout).not.toMatch(/telegram|t\.me|vk/);
    const csv = await codes(['--student', 'st1', '--format', 'csv'], max);
    // name, telegram (empty), vk (empty), max
    expect(csv.stdout).toMatch(/,"Иванова Маша, 5А",,,https:\/\/max\.ru\/school_diary_max_bot\?start=\d{12},/);
    const out = path.join(dir, 'max.pdf');
    const pdf = await codes(['--student', 'st1', '--format', 'pdf', '--out', out], max);
    expect(pdf.code).toBe(0);
    // The one link there is goes into a QR code (the lines under it: test/cli/letter-channels.test.ts).
    expect(fs.readFileSync(out).toString('latin1')).toMatch(/\/Subtype \/Image/);
  });

  test('Alice alone is a channel: the letter, with no link to carry, has no QR code', async () => {
    const out = path.join(dir, 'alice.pdf');
    const result = await codes(['--student', 'st1', '--format', 'pdf', '--out', out], {
      ALICE_SKILL_NAME: 'Школьный помощник',
    });
    expect(result.stderr).toBe('dnevnik codes: 1 code(s) written to ' + out + '\n');
    expect(result.code).toBe(0);
    const pdf = fs.readFileSync(out).toString('latin1');
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(pdf).not.toMatch(/\/Subtype \/Image/);
  });
});
