import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JOURNAL_KEYS_USAGE } from '../../cli/journal-keys-command';
import { SEAL_KEY_FILE } from '../../infra/journal-key-seal';
import { openDatabase } from '../../prisma/db/database';
import { signJournalBody } from '../../webhooks/journal-signature';
import { runDnevnik, startEmbeddedServer, type TDnevnikResult, type TEmbeddedServer } from '../helpers/dnevnik-cli';

// `dnevnik journal-keys` and `dnevnik import --key-id` end to end: real processes on a real
// embedded database in a temp DATA_DIR — first on their own (the seal key generated into
// DATA_DIR), then run inside a server that holds the database (the seal key from the
// environment), with that server's /webhooks/journal answering requests signed with the keys.

const SEAL_KEY = 'journal-keys-cli-test-seal-key-0123456789abcdef';

// Without a server every command opens the embedded database anew: seconds each, and many more on
// a loaded machine. A test that timed out would leave its process running into the next test's.
jest.setTimeout(300_000);

type TRun = TDnevnikResult;

/** The real command, with only the environment given (no DATABASE_URL, no jest NODE_OPTIONS). */
const dnevnik = (args: string[], env: Record<string, string>, cwd?: string): Promise<TRun> =>
  runDnevnik(args, { env: { DEMO: 'false', LOG_LEVEL: 'silent', ...env }, inheritEnv: false, cwd, timeoutMs: 240_000 });

const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');
const STACK_FRAME = /^\s+at .+/m;

/** A failure a user can read: a non-zero exit, exactly one line on stderr, nothing on stdout. */
function expectOneLineFailure(result: TRun, message: RegExp) {
  expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 1, stdout: '' });
  expect(lines(result.stderr)).toHaveLength(1);
  expect(result.stderr).toMatch(message);
}

/** Bad usage: a non-zero exit, one line saying what is wrong, then the usage; no stack trace. */
function expectUsageFailure(result: TRun, message: RegExp) {
  expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 1, stdout: '' });
  const [first, ...rest] = result.stderr.split('\n');
  expect(first).toMatch(/^dnevnik journal-keys: /);
  expect(first).toMatch(message);
  expect(rest.join('\n')).toBe(JOURNAL_KEYS_USAGE);
  expect(result.stderr).not.toMatch(STACK_FRAME);
}

const BAD_USAGE: [string, string[], RegExp][] = [
  ['no subcommand', ['journal-keys'], /a subcommand is required/],
  ['an unknown subcommand', ['journal-keys', 'rotate'], /unknown subcommand "rotate"/],
  ['create without --school', ['journal-keys', 'create'], /--school <id> is required/],
  ['--format xml', ['journal-keys', 'list', '--format', 'xml'], /--format must be text or json, not "xml"/],
  ['an unknown flag', ['journal-keys', 'list', '--verbose'], /--verbose/],
  ['revoke without a key id', ['journal-keys', 'revoke'], /revoke takes one key id/],
];

const at = '2026-12-01T09:00:00+03:00';
const ev = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, occurredAt: at, data });

/** A small school as its own system sends it: its ids are its own ("1", "st1", "e1" …). */
function schoolBatch(schoolId: string) {
  return {
    events: [
      ev('e1', 'school.upserted', { schoolId, name: 'Школа № 5' }),
      ev('e2', 'class.upserted', { schoolId, classId: '1', name: '5А' }),
      ev('e3', 'subject.upserted', { schoolId, subjectId: 'math', name: 'Математика' }),
      ev('e4', 'student.upserted', {
        schoolId,
        studentId: 'st1',
        classId: '1',
        lastName: 'Иванова',
        firstName: 'Маша',
      }),
      ev('e5', 'grade.upserted', {
        gradeId: 'g1',
        studentId: 'st1',
        subjectId: 'math',
        date: '2026-12-01',
        value: '5',
        weight: 2,
      }),
    ],
  };
}

type TKey = { keyId: string; secret: string; schoolId: string };

/** `create --format json`: one JSON line, nothing else. */
function parseCreatedJson(result: TRun): TKey {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(lines(result.stdout)).toHaveLength(1);
  const key = JSON.parse(result.stdout) as TKey;
  expect(Object.keys(key).sort()).toEqual(['keyId', 'schoolId', 'secret']);
  expect(key.keyId).toMatch(/^jk_[A-Za-z0-9_-]{12}$/);
  expect(key.secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  return key;
}

/** `create` in text: the three lines on stdout, the one-time note on stderr. */
function parseCreatedText(result: TRun): TKey {
  expect(result.code).toBe(0);
  const out = lines(result.stdout);
  expect(out).toHaveLength(3);
  const [keyId, schoolId, secret] = out.map((l, i) => {
    const m = /^(key id|school|secret):\s+(\S+)$/.exec(l);
    expect(m?.[1]).toBe(['key id', 'school', 'secret'][i]);
    return m![2];
  });
  expect(keyId).toMatch(/^jk_/);
  expect(result.stderr).toMatch(/shown only now/);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  return { keyId, schoolId, secret };
}

/** `list` in text and JSON: each key's state, no secret anywhere. */
async function listKeys(run: (args: string[]) => Promise<TRun>, secrets: string[]) {
  // One after the other: without a server, each process opens the embedded database itself.
  const text = await run(['journal-keys', 'list']);
  const json = await run(['journal-keys', 'list', '--format', 'json']);
  for (const r of [text, json]) {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const secret of secrets) expect(r.stdout).not.toContain(secret);
  }
  const rows = JSON.parse(json.stdout) as {
    keyId: string;
    schoolId: string;
    createdAt: string;
    revokedAt: string | null;
  }[];
  for (const row of rows) expect(Object.keys(row).sort()).toEqual(['createdAt', 'keyId', 'revokedAt', 'schoolId']);
  const textState = (keyId: string) => {
    const line = lines(text.stdout).find((l) => l.startsWith(`${keyId} `));
    return line && (/ live$/.test(line) ? 'live' : / revoked=\S+$/.test(line) ? 'revoked' : line);
  };
  return { text: text.stdout, rows, textState };
}

describe('dnevnik journal-keys without a server (seal key generated into DATA_DIR)', () => {
  let dir: string;
  let dataDir: string;
  let first: TKey;
  let second: TKey;
  const run = (args: string[]) => dnevnik(args, { DATA_DIR: dataDir });

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-journal-keys-'));
    dataDir = path.join(dir, 'data');
    fs.writeFileSync(path.join(dir, 's1.json'), JSON.stringify(schoolBatch('s1')));
    fs.writeFileSync(path.join(dir, 's2.json'), JSON.stringify(schoolBatch('s2')));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('create --format json prints one JSON line with the key id, the secret and the school', async () => {
    // The first command also migrates the new database.
    first = parseCreatedJson(await run(['journal-keys', 'create', '--school', 's1', '--format', 'json']));
    expect(first.schoolId).toBe('s1');
    // No JOURNAL_KEY_SEAL_KEY: the seal key was generated into DATA_DIR, readable by its owner only.
    const sealFile = path.join(dataDir, SEAL_KEY_FILE);
    expect(fs.readFileSync(sealFile, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(sealFile).mode & 0o077).toBe(0);
  });

  test('create in text prints "key id:", "school:" and "secret:" lines', async () => {
    second = parseCreatedText(await run(['journal-keys', 'create', '--school', 's1']));
    expect(second.schoolId).toBe('s1');
    expect(second.keyId).not.toBe(first.keyId);
    expect(second.secret).not.toBe(first.secret);
  });

  test('list shows both keys live, without their secrets', async () => {
    const list = await listKeys(run, [first.secret, second.secret]);
    expect(list.rows.map((r) => [r.keyId, r.schoolId, r.revokedAt])).toEqual([
      [first.keyId, 's1', null],
      [second.keyId, 's1', null],
    ]);
    expect(list.textState(first.keyId)).toBe('live');
    expect(list.textState(second.keyId)).toBe('live');
    expect(list.text).toMatch(/^2 key\(s\), 2 live$/m);
  });

  test('a third key for the school is refused with one line that says to revoke one', async () => {
    expectOneLineFailure(
      await run(['journal-keys', 'create', '--school', 's1']),
      /already has 2 live keys; revoke one first/,
    );
  });

  describe('bad usage', () => {
    // These stop before the database is opened, so they may run side by side.
    let results: Promise<TRun[]>;
    beforeAll(() => {
      results = Promise.all(BAD_USAGE.map(([, args]) => run(args)));
    });
    test.each(BAD_USAGE.map((c, i) => [...c, i] as const))(
      '%s is one clear line and the usage, no stack trace',
      async (_name, _args, message, i) => {
        expectUsageFailure((await results)[i], message);
      },
    );
  });

  test('import --key-id of a batch naming another school exits non-zero and applies nothing', async () => {
    const result = await run(['import', path.join(dir, 's2.json'), '--key-id', first.keyId]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^event 0 \(e1\): data\.schoolId: this key writes only its own school$/m);
    expect(result.stderr).toMatch(/name another school than the key's; nothing imported/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  test("import --key-id stores the school's events in its namespace", async () => {
    const result = await run(['import', path.join(dir, 's1.json'), '--key-id', first.keyId]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // No duplicates: nothing of the refused import above was stored under these event ids.
    expect(JSON.parse(result.stdout)).toEqual({ accepted: 5, duplicates: 0 });
  });

  test('revoke: the key is listed as revoked, and import refuses it with one line', async () => {
    const revoked = await run(['journal-keys', 'revoke', first.keyId]);
    expect(revoked.stderr).toBe('');
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toBe(`revoked ${first.keyId}: its requests are refused from now on\n`);

    const list = await listKeys(run, [first.secret, second.secret]);
    expect(list.textState(first.keyId)).toBe('revoked');
    expect(list.textState(second.keyId)).toBe('live');
    expect(list.rows.find((r) => r.keyId === first.keyId)?.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(list.text).toMatch(/^2 key\(s\), 1 live$/m);

    expectOneLineFailure(
      await run(['import', path.join(dir, 's1.json'), '--key-id', first.keyId]),
      new RegExp(`no live journal key "${first.keyId}"`),
    );
  });

  test('revoke of an unknown key is one line', async () => {
    expectOneLineFailure(
      await run(['journal-keys', 'revoke', 'jk_AAAAAAAAAAAA']),
      /no live journal key "jk_AAAAAAAAAAAA"/,
    );
  });

  test("the database holds the school's rows under namespaced ids, and nothing of school s2", async () => {
    // Every CLI process above has exited: the embedded database is free to open here.
    const db = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
    try {
      expect(await db.prisma.school.findMany({ select: { id: true } })).toEqual([{ id: 's1' }]);
      expect(await db.prisma.schoolClass.findUniqueOrThrow({ where: { id: 's1:1' } })).toMatchObject({
        schoolId: 's1',
        name: '5А',
      });
      expect(await db.prisma.student.findUniqueOrThrow({ where: { id: 's1:st1' } })).toMatchObject({
        schoolId: 's1',
        classId: 's1:1',
      });
      expect(await db.prisma.grade.findUniqueOrThrow({ where: { id: 's1:g1' } })).toMatchObject({
        studentId: 's1:st1',
        subjectId: 's1:math',
        value: '5',
        weight: 2,
      });
      const events = await db.sql.query<{ id: string }>(`SELECT id FROM "IngestEvent" ORDER BY id`);
      expect(events.map((e) => e.id)).toEqual(['s1:e1', 's1:e2', 's1:e3', 's1:e4', 's1:e5']);
      // The secrets are sealed: none is in the database in the clear.
      const sealed = await db.sql.query<{ sealedSecret: string }>(`SELECT "sealedSecret" FROM "JournalKey"`);
      expect(sealed).toHaveLength(2);
      for (const row of sealed) {
        expect(row.sealedSecret).not.toContain(first.secret);
        expect(row.sealedSecret).not.toContain(second.secret);
      }
    } finally {
      await db.close();
    }
  });
});

describe('dnevnik journal-keys inside a running server (seal key from JOURNAL_KEY_SEAL_KEY)', () => {
  let dir: string;
  let dataDir: string;
  let server: TEmbeddedServer | undefined;
  let port: number;
  let key: TKey;
  let other: TKey;
  const env = () => ({ DATA_DIR: dataDir, JOURNAL_KEY_SEAL_KEY: SEAL_KEY });
  // Run from the temp dir: relative file arguments are resolved there, not in the server's cwd.
  const run = (args: string[]) => dnevnik(args, env(), dir);

  /** POST /webhooks/journal as a school system does: its key id, a timestamp, the HMAC of "<timestamp>.<body>". */
  async function post(body: unknown, signer: TKey) {
    const raw = JSON.stringify(body);
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${port}/webhooks/journal`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-dnevnik-key-id': signer.keyId,
        'x-dnevnik-timestamp': String(timestamp),
        'x-dnevnik-signature': signJournalBody(signer.secret, timestamp, raw),
      },
      body: raw,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-journal-keys-serving-'));
    dataDir = path.join(dir, 'data');
    fs.writeFileSync(path.join(dir, 's1.json'), JSON.stringify(schoolBatch('s1')));
    server = await startEmbeddedServer({
      dataDir,
      env: { DEMO: 'false', LOG_LEVEL: 'warn', PORT: '0', ...env() },
      inheritEnv: false,
      deadlineMs: 240_000,
    });
    port = server.port;
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('create, in JSON and in text, is run by the server and prints the same', async () => {
    key = parseCreatedJson(await run(['journal-keys', 'create', '--school', 's1', '--format', 'json']));
    expect(key.schoolId).toBe('s1');
    other = parseCreatedText(await run(['journal-keys', 'create', '--school', 's1']));
    expect(other.schoolId).toBe('s1');
    // The seal key came from the environment: none was generated into DATA_DIR.
    expect(fs.existsSync(path.join(dataDir, SEAL_KEY_FILE))).toBe(false);
  });

  test('list shows both keys live without secrets; a third key is refused with one line', async () => {
    const list = await listKeys(run, [key.secret, other.secret]);
    expect(list.rows.map((r) => [r.keyId, r.revokedAt])).toEqual([
      [key.keyId, null],
      [other.keyId, null],
    ]);
    expect(list.text).toMatch(/^2 key\(s\), 2 live$/m);
    expectOneLineFailure(
      await run(['journal-keys', 'create', '--school', 's1']),
      /already has 2 live keys; revoke one first/,
    );
  });

  describe('bad usage', () => {
    let results: Promise<TRun[]>;
    beforeAll(() => {
      results = Promise.all(BAD_USAGE.map(([, args]) => run(args)));
    });
    test.each(BAD_USAGE.map((c, i) => [...c, i] as const))(
      '%s is the same one line and usage from the server',
      async (_name, _args, message, i) => {
        expectUsageFailure((await results)[i], message);
      },
    );
  });

  test("a batch signed with the school's key is accepted", async () => {
    const res = await post(schoolBatch('s1'), key);
    expect(res).toEqual({ status: 200, body: { accepted: 5, duplicates: 0 } });
  });

  test('a batch naming another school is refused with 403 and the events it names', async () => {
    const res = await post(
      {
        events: [
          ev('x1', 'class.upserted', { schoolId: 's1', classId: '2', name: '6Б' }),
          ev('x2', 'class.upserted', { schoolId: 's2', classId: '9', name: '9В' }),
        ],
      },
      key,
    );
    expect(res.status).toBe(403);
    expect(res.body.errors).toEqual([
      { index: 1, id: 'x2', message: 'data.schoolId: this key writes only its own school' },
    ]);
    // Nothing of it was applied: the same school's class "2" is new when sent alone afterwards.
    expect(
      await post({ events: [ev('x1', 'class.upserted', { schoolId: 's1', classId: '2', name: '6Б' })] }, key),
    ).toEqual({ status: 200, body: { accepted: 1, duplicates: 0 } });
  });

  test('import --key-id runs in the server with the file named relative to where it was typed', async () => {
    const result = await run(['import', 's1.json', '--key-id', other.keyId]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The same school, the same namespace: the webhook already stored these events.
    expect(JSON.parse(result.stdout)).toEqual({ accepted: 0, duplicates: 5 });
  });

  test('after revoke the key is listed as revoked and its requests are 401', async () => {
    const revoked = await run(['journal-keys', 'revoke', key.keyId]);
    expect(revoked.stderr).toBe('');
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toBe(`revoked ${key.keyId}: its requests are refused from now on\n`);
    const list = await listKeys(run, [key.secret, other.secret]);
    expect(list.textState(key.keyId)).toBe('revoked');
    expect(list.textState(other.keyId)).toBe('live');

    const res = await post({ events: [ev('x3', 'class.upserted', { schoolId: 's1', classId: '3', name: '7В' })] }, key);
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(/unknown or revoked/);
    // The school's other key still writes.
    expect(
      (await post({ events: [ev('x3', 'class.upserted', { schoolId: 's1', classId: '3', name: '7В' })] }, other))
        .status,
    ).toBe(200);
  });

  test('revoke of an unknown or revoked key, and import with a revoked or unknown key, are one line each', async () => {
    expectOneLineFailure(
      await run(['journal-keys', 'revoke', 'jk_AAAAAAAAAAAA']),
      /no live journal key "jk_AAAAAAAAAAAA"/,
    );
    expectOneLineFailure(
      await run(['journal-keys', 'revoke', key.keyId]),
      new RegExp(`no live journal key "${key.keyId}"`),
    );
    expectOneLineFailure(
      await run(['import', 's1.json', '--key-id', key.keyId]),
      new RegExp(`no live journal key "${key.keyId}"`),
    );
    expectOneLineFailure(await run(['import', 's1.json', '--key-id', 'jk_nope']), /no live journal key "jk_nope"/);
  });

  test('after a revoke the school has room for a new key again', async () => {
    expect(parseCreatedJson(await run(['journal-keys', 'create', '--school', 's1', '--format', 'json'])).schoolId).toBe(
      's1',
    );
  });
});
