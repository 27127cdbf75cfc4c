import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TCommandContext } from '../../cli/command-context';
import { runRuntimeCommand } from '../../cli/runtime-commands';
import { CURRENT_CONSENT_VERSION, createLinkService, issueCodes, type TChatRef } from '../../core/linking';
import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { openRuntime, type Runtime } from '../../main';
import { DEMO_SCHOOL_ID } from '../../prisma/demo/load-demo';
import { createDemoDatabase } from '../helpers/demo-database';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// `dnevnik codes --demo-reviewer`: one code that Yandex's moderators (several of them) link with as
// the parent of a demo pupil. It is not spent when redeemed, so it must never reach anyone outside
// the demo school; it expires like any code. Run in process on the runtime a server would use;
// test/cli/demo-reviewer-processes.test.ts runs the real command with and without a server.

const HOUR = 3_600_000;

/** `dnevnik codes …` on the runtime: exit code, stdout, stderr. */
async function codes(runtime: Runtime, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: TCommandContext = {
    io: { out: { write: (c) => out.push(String(c)) }, err: { write: (c) => err.push(String(c)) }, interactive: false },
    withRuntime: (work) => work(runtime),
  };
  const code = await runRuntimeCommand('codes', args, ctx);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A runtime on the test's database, which the test itself destroys (the runtime's close leaves it open). */
async function openOn(db: TestDatabase, dir: string): Promise<Runtime> {
  const config = parseConfig({
    DATA_DIR: dir,
    LINK_CODE_PEPPER: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    DEMO: 'false',
  });
  return openRuntime(config, { db: { ...db, close: async () => undefined }, logger: createLogger('silent') });
}

const printedCode = (stdout: string) => stdout.match(/^demo reviewer code: (\d{4} \d{4} \d{4})$/m)?.[1] ?? '';

for (const { kind, describe: d } of DATABASE_KINDS) {
  d(`dnevnik codes --demo-reviewer on ${kind}`, () => {
    let db: TestDatabase;
    let runtime: Runtime;
    let dir: string;

    /** The linking service the channels use, on the runtime's store and pepper, at `now`. */
    const linkingAt = (now: Date) =>
      createLinkService({
        store: runtime.stores.linking,
        access: runtime.stores.readModel.access,
        pepper: runtime.linkCodes().pepper,
        now: () => now,
      });

    /** Says the code in `chat` and accepts the consent, at `now`. */
    async function redeem(chat: TChatRef, code: string, now = new Date()) {
      const linking = linkingAt(now);
      const started = await linking.startLink(chat, code);
      if (!started.ok) return started;
      return linking.acceptConsent(chat, started.pending, CURRENT_CONSENT_VERSION);
    }

    /** The schools of the pupils a chat sees. */
    async function schoolsSeenBy(chat: TChatRef): Promise<string[]> {
      const state = await runtime.linkCodes().linking.chatState(chat);
      return [...new Set(state?.scope.linkedStudents.map((s) => s.schoolId) ?? [])];
    }

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-reviewer-'));
      db = await createDemoDatabase(kind);
      runtime = await openOn(db, dir);
      // A real school beside the demo one, with a pupil whose data no reviewer may reach.
      await db.prisma.school.create({ data: { id: 'real', name: 'Школа № 5' } });
      await db.prisma.schoolClass.create({ data: { id: 'real-5a', schoolId: 'real', name: '5А' } });
      await db.prisma.student.create({
        data: { id: 'real-pupil', schoolId: 'real', classId: 'real-5a', lastName: 'Петрова', firstName: 'Аня' },
      });
    }, 120_000);

    // Wrong and expired tries count against each channel's brake: each test starts with none.
    beforeEach(() => db.sql.exec('DELETE FROM "LinkAttempt"'));

    afterAll(async () => {
      await runtime?.close();
      await db?.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test('prints one code to a demo pupil’s parent, and several moderators link with it', async () => {
      const result = await codes(runtime, ['--demo-reviewer']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout.match(/\d{4} \d{4} \d{4}/g)).toHaveLength(1);
      expect(result.stdout).toMatch(/^ {2}links: +a parent of \S+ \S+, \S+ \(demo school "[^"]+"\)$/m);
      const expires = Date.parse(result.stdout.match(/^ {2}expires: +(\S+)$/m)![1]);
      // Valid 14 days by default, as any code.
      expect(Math.abs(expires - (Date.now() + 14 * 24 * HOUR))).toBeLessThan(HOUR);

      const code = printedCode(result.stdout);
      const moderators: TChatRef[] = [
        { channel: 'alice', externalId: 'moderator-1', locale: 'ru' },
        { channel: 'alice', externalId: 'moderator-2', locale: 'ru' },
        { channel: 'web', externalId: '203.0.113.9', locale: 'ru' },
      ];
      for (const chat of moderators) {
        expect(await redeem(chat, code)).toMatchObject({ ok: true, grant: { role: 'guardian' } });
        expect(await schoolsSeenBy(chat)).toEqual([DEMO_SCHOOL_ID]);
      }
      // Still unspent after three redemptions.
      const row = await db.prisma.linkCode.findFirstOrThrow({ where: { reusable: true } });
      expect(row.usedAt).toBeNull();
      const pupil = await db.prisma.student.findUniqueOrThrow({ where: { id: row.studentId! } });
      expect(pupil.schoolId).toBe(DEMO_SCHOOL_ID);
    });

    test('expired, the code is refused when said and when the consent comes after the expiry', async () => {
      const result = await codes(runtime, ['--demo-reviewer', '--days', '1']);
      expect(result.code).toBe(0);
      const code = printedCode(result.stdout);
      const late = new Date(Date.now() + 25 * HOUR);
      expect(await redeem({ channel: 'alice', externalId: 'late-moderator' }, code, late)).toMatchObject({
        ok: false,
        reason: 'expired',
      });
      // Said in time, accepted too late: the redemption checks the expiry again.
      const chat: TChatRef = { channel: 'alice', externalId: 'slow-moderator' };
      const started = await linkingAt(new Date()).startLink(chat, code);
      if (!started.ok) throw new Error(`code refused: ${started.reason}`);
      expect(await linkingAt(late).acceptConsent(chat, started.pending, CURRENT_CONSENT_VERSION)).toEqual({
        ok: false,
        reason: 'expired',
      });
      expect(await runtime.linkCodes().linking.chatState(chat)).toBeNull();
    });

    test('a reusable code for anyone outside the demo school links no one', async () => {
      // However such a row came to be, the store treats it as no code at all.
      const { pepper } = runtime.linkCodes();
      const [stray] = await issueCodes(
        runtime.stores.linking,
        pepper,
        [{ role: 'guardian', studentId: 'real-pupil', teacherId: null }],
        { reusable: true },
      );
      const chat: TChatRef = { channel: 'alice', externalId: 'stray-moderator' };
      expect(await redeem(chat, stray.code)).toMatchObject({ ok: false, reason: 'wrong_code' });

      // A reviewer code whose demo pupil has since been moved to a real school: refused when said…
      const printed = await codes(runtime, ['--demo-reviewer']);
      const code = printedCode(printed.stdout);
      const row = await db.prisma.linkCode.findFirstOrThrow({
        where: { reusable: true },
        orderBy: { createdAt: 'desc' },
      });
      const started = await linkingAt(new Date()).startLink(chat, code);
      if (!started.ok) throw new Error(`code refused: ${started.reason}`);
      const pupil = await db.prisma.student.findUniqueOrThrow({ where: { id: row.studentId! } });
      await db.prisma.student.update({ where: { id: pupil.id }, data: { schoolId: 'real', classId: 'real-5a' } });
      try {
        expect(await redeem({ channel: 'alice', externalId: 'another-moderator' }, code)).toMatchObject({
          ok: false,
          reason: 'wrong_code',
        });
        // … and when a consent given before the move is accepted after it.
        expect(await linkingAt(new Date()).acceptConsent(chat, started.pending, CURRENT_CONSENT_VERSION)).toEqual({
          ok: false,
          reason: 'not_found',
        });
        expect(await runtime.linkCodes().linking.chatState(chat)).toBeNull();
      } finally {
        await db.prisma.student.update({
          where: { id: pupil.id },
          data: { schoolId: pupil.schoolId, classId: pupil.classId },
        });
      }
    });

    test('a one-time code is still spent by its first redemption', async () => {
      const [once] = await issueCodes(runtime.stores.linking, runtime.linkCodes().pepper, [
        { role: 'guardian', studentId: 'real-pupil', teacherId: null },
      ]);
      expect(await redeem({ channel: 'alice', externalId: 'parent-1' }, once.code)).toMatchObject({ ok: true });
      expect(await redeem({ channel: 'alice', externalId: 'parent-2' }, once.code)).toMatchObject({
        ok: false,
        reason: 'used',
      });
    });

    test('takes no letter options', async () => {
      for (const extra of [
        ['--format', 'pdf'],
        ['--role', 'student'],
        ['--out', 'x.txt'],
        ['--student', 'x'],
      ]) {
        const result = await codes(runtime, ['--demo-reviewer', ...extra]);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^dnevnik codes: [^\n]+\nusage: dnevnik codes/);
      }
    });
  });
}

describe('dnevnik codes --demo-reviewer without a demo school', () => {
  let db: TestDatabase;
  let runtime: Runtime;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-reviewer-empty-'));
    db = await createTestDatabase('pglite');
    runtime = await openOn(db, dir);
  });

  afterAll(async () => {
    await runtime?.close();
    await db?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('one line saying to load it, exit 1, and no code stored', async () => {
    const result = await codes(runtime, ['--demo-reviewer']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^dnevnik codes: this database has no demo school[^\n]*dnevnik seed-demo[^\n]*\n$/);
    expect(await db.prisma.linkCode.count()).toBe(0);
  });
});
