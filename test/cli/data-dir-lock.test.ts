import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../../infra/data-dir-lock';
import { runDnevnik, startEmbeddedServer, type TEmbeddedServer } from '../helpers/dnevnik-cli';

// PGlite serves one process: DATA_DIR's lock lets one process open the embedded database, and a
// second one (`start`, `serve`, `worker`, or a command that finds no server answering) says who
// holds it and exits 1. These run real processes.

const ROOT = path.join(__dirname, '..', '..');

/** A bare node process that takes the lock on `dataDir`, says "locked", holds it `holdMs`, and exits. */
function lockingProcess(dataDir: string, holdMs: number) {
  const script = `
    require('tsx/cjs');
    const { lockDataDir } = require(${JSON.stringify(path.join(ROOT, 'infra', 'data-dir-lock.ts'))});
    try {
      lockDataDir(${JSON.stringify(dataDir)}, 'probe');
      process.stdout.write('locked\\n');
      setTimeout(() => undefined, ${holdMs});
    } catch (err) {
      process.stdout.write(err.message + '\\n');
      process.exitCode = 3;
    }`;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let said = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (said += d));
  const exited = new Promise<{ code: number | null; said: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, said })),
  );
  const saidSomething = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { child, exited, saidSomething };
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('close', resolve));
  return child.pid!;
}

const lockFile = (dataDir: string) => path.join(dataDir, LOCK_FILE);
const readLock = (dataDir: string) =>
  JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8')) as { pid: number; since: string; command: string };

describe('the DATA_DIR lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-lock-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('of processes starting together exactly one gets it; the others are told who holds it', async () => {
    const all = Array.from({ length: 4 }, () => lockingProcess(dir, 3000));
    const results = await Promise.all(all.map((p) => p.exited));
    const winners = results.filter((r) => r.code === 0);
    expect(winners).toHaveLength(1);
    expect(winners[0].said).toBe('locked\n');
    const winnerPid = all[results.indexOf(winners[0])].child.pid;
    for (const lost of results.filter((r) => r.code !== 0)) {
      expect(lost.code).toBe(3);
      expect(lost.said).toMatch(
        new RegExp(`^DATA_DIR ${dir} is in use by pid ${winnerPid} \\(probe\\) since \\d{4}-\\d\\d-\\d\\dT\\S+\\n$`),
      );
    }
    // Released when the holder exited.
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  }, 60_000);

  test('a lock left by a killed process is taken over', async () => {
    const holder = lockingProcess(dir, 60_000);
    await holder.saidSomething;
    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(readLock(dir).pid).toBe(holder.child.pid);

    const next = lockingProcess(dir, 0);
    expect(await next.exited).toEqual({ code: 0, said: 'locked\n' });
  }, 60_000);

  test('in one process: held twice is refused; released, it is free; a damaged or dead one is stale', async () => {
    const release = lockDataDir(dir, 'first');
    expect(() => lockDataDir(dir, 'second')).toThrow(DataDirLockedError);
    release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);

    // This pid in a lock this process does not hold: a container restarted with the same pid.
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ pid: process.pid, since: '2026-01-01T00:00:00.000Z', command: 'dnevnik start' }),
    );
    lockDataDir(dir, 'again')();
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ pid: await deadPid(), since: '2026-01-01T00:00:00.000Z', command: 'dnevnik start' }),
    );
    lockDataDir(dir, 'again')();
    fs.writeFileSync(lockFile(dir), '{"pid": 12');
    lockDataDir(dir, 'again')();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('a second process on the DATA_DIR a server holds', () => {
  let dir: string;
  let dataDir: string;
  let server: TEmbeddedServer | undefined;
  const env = (extra: Record<string, string> = {}) => ({
    DATA_DIR: dataDir,
    DEMO: 'false',
    LOG_LEVEL: 'warn',
    ...extra,
  });
  const RUN_MS = 90_000;
  const dnevnik = (args: string[], extra: Record<string, string> = {}) =>
    runDnevnik(args, { cwd: dir, env: env(extra), inheritEnv: false, timeoutMs: RUN_MS });
  const heldBy = (pid: number, command: string) =>
    new RegExp(
      `^dnevnik: DATA_DIR ${dataDir} is in use by pid ${pid} \\(${command}\\) since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\n$`,
    );

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-held-'));
    dataDir = path.join(dir, 'data');
    server = await startEmbeddedServer({ dataDir, env: env({ PORT: '0' }), inheritEnv: false, deadlineMs: 150_000 });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test(
    'start, serve and worker say who holds it and exit 1; the server file stays the first server’s',
    async () => {
      const serverFile = fs.readFileSync(path.join(dataDir, 'server.json'), 'utf8');
      const results = await Promise.all([
        dnevnik(['start'], { PORT: '0' }),
        dnevnik(['serve'], { PORT: '0' }),
        dnevnik(['worker']),
      ]);
      for (const result of results) {
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(heldBy(server!.child.pid!, 'dnevnik serve'));
      }
      expect(fs.readFileSync(path.join(dataDir, 'server.json'), 'utf8')).toBe(serverFile);
      // The first server goes on answering the CLI.
      const migrate = await dnevnik(['migrate']);
      expect(migrate.stderr).toBe('');
      expect(migrate.stdout).toMatch(/0 pending \(pglite\)/);
    },
    3 * RUN_MS,
  );

  test(
    'a command finding the server not answering does not open the database beside it',
    async () => {
      const file = path.join(dataDir, 'server.json');
      const entry = fs.readFileSync(file, 'utf8');
      // The server's entry, with a port nothing listens on.
      fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(entry), port: 1 }));
      try {
        const result = await dnevnik(['journal-keys', 'list']);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(heldBy(server!.child.pid!, 'dnevnik serve'));
      } finally {
        fs.writeFileSync(file, entry);
      }
    },
    RUN_MS + 10_000,
  );

  test(
    'released when the server stops; a lock whose process is gone is taken over',
    async () => {
      await server!.stop();
      expect(fs.existsSync(lockFile(dataDir))).toBe(false);
      expect(fs.existsSync(path.join(dataDir, 'server.json'))).toBe(false);

      fs.writeFileSync(
        lockFile(dataDir),
        JSON.stringify({ pid: await deadPid(), since: '2026-01-01T00:00:00.000Z', command: 'dnevnik start' }),
        { mode: 0o600 },
      );
      const migrate = await dnevnik(['migrate']);
      expect(migrate.stderr).toBe('');
      expect(migrate.code).toBe(0);
      expect(fs.existsSync(lockFile(dataDir))).toBe(false);
    },
    RUN_MS + 10_000,
  );

  const postgresUrl = process.env.DATABASE_URL;
  (postgresUrl ? test : test.skip)(
    'PostgreSQL needs no lock: a command runs while DATA_DIR is held',
    async () => {
      const name = `dnevnik_lock_${process.pid}_${Date.now()}`;
      const admin = async (sql: string) => {
        const client = new Client({ connectionString: postgresUrl });
        await client.connect();
        await client.query(sql).finally(() => client.end());
      };
      await admin(`CREATE DATABASE ${name}`);
      const release = lockDataDir(dataDir, 'dnevnik start');
      try {
        const url = new URL(postgresUrl!);
        url.pathname = `/${name}`;
        const migrate = await dnevnik(['migrate'], { DATABASE_URL: url.toString() });
        expect(migrate.stderr).toBe('');
        expect(migrate.stdout).toMatch(/0 pending \(postgres\)/);
      } finally {
        release();
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    },
    RUN_MS + 10_000,
  );
});
