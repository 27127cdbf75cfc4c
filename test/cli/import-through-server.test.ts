import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { TServerFile } from '../../infra/server-file';
import type { TCliStreamLine } from '../../webhooks/cli-route';
import { startEmbeddedServer, type TEmbeddedServer } from '../helpers/dnevnik-cli';

// An import run by the server (the embedded database is held by `npm start`) sends its progress
// back line by line, for the CLI's bar, and goes a chunk at a time: a question asked while it runs
// is answered before the import ends, not after.

const STUDENTS = 30_000;

function bigImport(file: string) {
  const at = '2026-12-01T09:00:00+03:00';
  const events: unknown[] = [
    { id: 'big-school', type: 'school.upserted', occurredAt: at, data: { schoolId: 'big-s', name: 'Школа' } },
    {
      id: 'big-class',
      type: 'class.upserted',
      occurredAt: at,
      data: { schoolId: 'big-s', classId: 'big-c', name: '5А' },
    },
  ];
  for (let i = 0; i < STUDENTS; i++) {
    events.push({
      id: `big-st-${i}`,
      type: 'student.upserted',
      occurredAt: at,
      data: { schoolId: 'big-s', classId: 'big-c', studentId: `big-st-${i}`, lastName: 'Иванова', firstName: 'Маша' },
    });
  }
  fs.writeFileSync(file, JSON.stringify({ events }));
  return events.length;
}

/** POST /internal/cli as the CLI does, the answer's lines handed to `onLine` as they arrive. */
function runThroughServer(server: TServerFile, argv: string[], onLine: (line: TCliStreamLine) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ argv, interactive: true });
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/internal/cli',
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      },
      (res) => {
        expect(res.statusCode).toBe(200);
        const lines = readline.createInterface({ input: res });
        lines.on('line', (line) => onLine(JSON.parse(line)));
        lines.on('close', resolve);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('a large import through the running server', () => {
  let dir: string;
  let server: TEmbeddedServer | undefined;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-big-import-'));
    server = await startEmbeddedServer({
      dataDir: path.join(dir, 'data'),
      env: { DATA_DIR: path.join(dir, 'data'), DEMO: 'true', LOG_LEVEL: 'warn', PORT: '0' },
      inheritEnv: false,
      deadlineMs: 150_000,
    });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('streams its progress, and a question asked meanwhile is answered before it ends', async () => {
    const file = path.join(dir, 'big.json');
    const total = bigImport(file);
    const entry = JSON.parse(fs.readFileSync(path.join(dir, 'data', 'server.json'), 'utf8')) as TServerFile;

    const order: string[] = [];
    const progress: (number | null)[] = [];
    let stdout = '';
    let exit: number | undefined;
    let question: Promise<void> | undefined;
    const ask = async () => {
      const res = await fetch(`http://127.0.0.1:${entry.port}/playground/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ personId: 'demo-guardian-1', text: 'баланс' }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { text: string }).text).toMatch(/на карте/);
      order.push('answer');
    };

    await runThroughServer(entry, ['import', file], (line) => {
      if ('progress' in line) {
        progress.push(line.progress?.value ?? null);
        if (line.progress) expect(line.progress).toMatchObject({ label: 'import', unit: 'events', total });
        // The first chunk is in: the import is under way, and the question goes to the same server.
        if (line.progress && line.progress.value > 0) question ??= ask();
      } else if ('stdout' in line) stdout += Buffer.from(line.stdout, 'base64').toString('utf8');
      else if ('exit' in line) {
        exit = line.exit;
        order.push('import');
      }
    });
    await question;

    expect(exit).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ accepted: total, duplicates: 0 });
    expect(order).toEqual(['answer', 'import']);
    // 0, then one line a chunk up to the total, then the bar goes away.
    const values = progress.slice(0, -1) as number[];
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBe(total);
    expect(values.length).toBeGreaterThanOrEqual(Math.ceil(total / 1000));
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(progress.at(-1)).toBeNull();
  }, 300_000);
});
