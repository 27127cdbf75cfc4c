import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLinkService } from '../../core/linking';
import { openDatabase } from '../../prisma/db/database';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createLinkingStore } from '../../prisma/stores/linking/linking-store';
import { runDnevnik, startEmbeddedServer, type TEmbeddedServer } from '../helpers/dnevnik-cli';

// The link-code pepper end to end: kept outside DATA_DIR (LINK_CODE_PEPPER_FILE), and tied to the
// database by its fingerprint, so `dnevnik codes` never prints codes no one could redeem — whether
// it runs itself or inside the server that holds the embedded database.

const SCHOOL = `id,type,occurredAt,schoolId,classId,studentId,name,lastName,firstName
e1,school.upserted,2026-12-01T09:00:00+03:00,s1,,,Школа № 5,,
e2,class.upserted,2026-12-01T09:00:00+03:00,s1,c1,,5А,,
e3,student.upserted,2026-12-01T09:00:00+03:00,s1,c1,st1,,Иванова,Маша
`;

const OTHER_PEPPER = 'another-pepper-0123456789abcdef0123456789';
const MISMATCH =
  /^dnevnik codes: the link-code pepper differs from the one this database was set up with \(fingerprint [0-9a-f]{16}, in use [0-9a-f]{16}\); codes issued with it could never be redeemed\. Set LINK_CODE_PEPPER or LINK_CODE_PEPPER_FILE to the original secret.*\n$/;

describe('the link-code pepper', () => {
  let dir: string;
  let dataDir: string;
  let pepperFile: string;
  // A bot name, so that `codes` has a channel to print letters for.
  const env = (extra: Record<string, string>) => ({
    DATA_DIR: dataDir,
    DEMO: 'false',
    LOG_LEVEL: 'warn',
    TELEGRAM_BOT_USERNAME: 'dnevnik_test_bot',
    ...extra,
  });
  // Each command is killed after two minutes.
  const dnevnik = (args: string[], extra: Record<string, string> = { LINK_CODE_PEPPER_FILE: pepperFile }) =>
    runDnevnik(args, { env: env(extra), inheritEnv: false, timeoutMs: 120_000 });
  const codeIn = (stdout: string) => stdout.match(/code: +(\d{4} \d{4} \d{4})/)![1];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-pepper-cli-'));
    dataDir = path.join(dir, 'data');
    fs.mkdirSync(path.join(dir, 'secrets'), { mode: 0o700 });
    pepperFile = path.join(dir, 'secrets', 'link-code-pepper');
    fs.writeFileSync(path.join(dir, 'school.csv'), SCHOOL);
    const imported = await dnevnik(['import', path.join(dir, 'school.csv'), '--no-progress']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('LINK_CODE_PEPPER_FILE: generated outside DATA_DIR, and the codes issued with it are redeemable', async () => {
    const result = await dnevnik(['codes', '--student', 'st1']);
    expect(result.code).toBe(0);
    expect(fs.statSync(pepperFile).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dataDir, 'link-code-pepper'))).toBe(false);

    const db = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
    try {
      const pepper = Buffer.from(fs.readFileSync(pepperFile, 'utf8').trim(), 'utf8');
      const linking = createLinkService({
        store: createLinkingStore(db),
        access: createReadModel(db, 'Europe/Moscow').access,
        pepper,
      });
      expect(await linking.startLink({ channel: 'telegram', externalId: '42' }, codeIn(result.stdout))).toMatchObject({
        ok: true,
        pending: { grant: { studentId: 'st1' } },
      });
    } finally {
      await db.close();
    }
  }, 120_000);

  test('another pepper: `dnevnik codes` refuses with one line and prints no code', async () => {
    const result = await dnevnik(['codes', '--student', 'st1'], { LINK_CODE_PEPPER: OTHER_PEPPER });
    expect(result.stderr).toMatch(MISMATCH);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
  }, 120_000);

  describe('with a server on another pepper holding the embedded database', () => {
    let server: TEmbeddedServer | undefined;
    let port: number;

    beforeAll(async () => {
      port = 20000 + Math.floor(Math.random() * 20000);
      server = await startEmbeddedServer({
        dataDir,
        env: env({ PORT: String(port), LINK_CODE_PEPPER: OTHER_PEPPER }),
        inheritEnv: false,
        deadlineMs: 90_000,
      });
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
    });

    test('the server logs one error line at start and keeps serving', async () => {
      const errors = () =>
        server!
          .log()
          .split('\n')
          .filter((line) => line.includes('"level":50'));
      // Logged before the server listens; the pipe may deliver it a little later.
      for (let i = 0; i < 40 && errors().length === 0; i++) await new Promise((r) => setTimeout(r, 250));
      expect(errors()).toHaveLength(1);
      expect(JSON.parse(errors()[0]).msg).toMatch(/^linking refused: the link-code pepper differs/);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    });

    test('`dnevnik codes` run by the server refuses with the same line', async () => {
      const result = await dnevnik(['codes', '--student', 'st1']);
      expect(result.stderr).toMatch(MISMATCH);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
    }, 120_000);

    test("--accept-new-pepper makes the server's pepper the database's; the old one is then refused", async () => {
      const adopted = await dnevnik(['codes', '--student', 'st1', '--accept-new-pepper']);
      expect(adopted.stderr).toMatch(
        /^dnevnik codes: the pepper in use \(fingerprint [0-9a-f]{16}\) replaces [0-9a-f]{16}; codes printed before can no longer be redeemed\.\n$/,
      );
      expect(adopted.code).toBe(0);
      expect(codeIn(adopted.stdout)).toMatch(/^\d{4} \d{4} \d{4}$/);
      expect((await dnevnik(['codes', '--student', 'st1'])).code).toBe(0);

      await server!.stop();
      const local = await dnevnik(['codes', '--student', 'st1']);
      expect(local.stderr).toMatch(MISMATCH);
      expect(local.code).toBe(1);
    }, 120_000);
  });
});
