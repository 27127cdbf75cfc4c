import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { redisDatabaseUrl } from '../helpers/alert-processes';
import {
  execForm,
  ROOT,
  readCompose,
  readDockerfile,
  SAMPLE_COMPOSE_VARS,
  stageEnv,
  type TComposeService,
} from '../helpers/deploy-files';
import { createEmptyPostgres, type TEmptyPostgres } from '../helpers/empty-postgres';

// The image's start commands, run on this machine (CI has no Docker): the runtime stage's
// ENTRYPOINT followed by each compose service's command, from the repository (the image's /app
// holds the same layout), with the stage's ENV and the service's environment — the database,
// Redis, DATA_DIR and the port replaced by the test's own. A fresh database: migrate exits 0; then
// both web processes answer /readyz and both workers start, and all stop on SIGTERM with 0.

const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const describeServices = databaseUrl && redisUrl ? describe : describe.skip;

const runtimeStage = readDockerfile().at(-1)!;
const entrypoint = execForm(runtimeStage, 'ENTRYPOINT');
const services = readCompose(SAMPLE_COMPOSE_VARS).services;
const byCommand = (command: string) => Object.entries(services).filter(([, s]) => s.command?.[0] === command);

interface TProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

describeServices('the image start commands', () => {
  let db: TEmptyPostgres;
  const dataDirs: string[] = [];
  const running: TProcess[] = [];

  beforeAll(async () => {
    db = await createEmptyPostgres(databaseUrl!, 'dnevnik_compose');
  });
  afterAll(async () => {
    for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(running.map((p) => p.exited));
    await db?.drop();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(service: TComposeService): Promise<TProcess & { port: number }> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-compose-'));
    dataDirs.push(dataDir);
    const port = await freePort();
    const [program, ...args] = [...entrypoint, ...service.command!];
    const env = {
      PATH: process.env.PATH,
      ...stageEnv(runtimeStage),
      ...service.environment,
      DATABASE_URL: db.url,
      // A database of its own on the test Redis: the workers use the default queue names.
      REDIS_URL: redisDatabaseUrl(redisUrl!, 15),
      DATA_DIR: dataDir,
      PORT: String(port),
    };
    // `node` is the Node running the tests: the one the image's `node` stands for here.
    const child = spawn(program === 'node' ? process.execPath : program, args, { cwd: ROOT, env });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const proc = { child, output: () => output, exited, port };
    running.push(proc);
    return proc;
  }

  async function until(what: string, check: () => Promise<boolean> | boolean, p: TProcess, ms = 120_000) {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (p.child.exitCode !== null) throw new Error(`exited ${p.child.exitCode} before ${what}:\n${p.output()}`);
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`no ${what} within ${ms} ms:\n${p.output()}`);
  }

  const ready = (port: number) =>
    fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );

  test('migrate applies the migrations and exits 0', async () => {
    const [[, service]] = byCommand('migrate');
    const migrate = await start(service);
    const timer = setTimeout(() => migrate.child.kill('SIGKILL'), 120_000);
    const code = await migrate.exited;
    clearTimeout(timer);
    expect([code, migrate.output()]).toEqual([
      0,
      expect.stringMatching(/migration\(s\) applied, 0 pending \(postgres\)/),
    ]);
  }, 150_000);

  test('both web processes answer /readyz and both workers start; SIGTERM stops each with 0', async () => {
    const webs = await Promise.all(byCommand('serve').map(([, s]) => start(s)));
    const workers = await Promise.all(byCommand('worker').map(([, s]) => start(s)));
    expect([webs.length, workers.length]).toEqual([2, 2]);
    await Promise.all([
      ...webs.map((w) => until('200 from /readyz', () => ready(w.port), w)),
      ...workers.map((w) => until('"alerts worker started"', () => w.output().includes('alerts worker started'), w)),
    ]);
    for (const p of [...webs, ...workers]) p.child.kill('SIGTERM');
    const codes = await Promise.all([...webs, ...workers].map((p) => p.exited));
    expect(codes).toEqual([0, 0, 0, 0]);
  }, 200_000);
});
