import request from 'supertest';
import { createDemoDatabase } from '../helpers/demo-database';
import { playgroundApp } from '../helpers/playground-app';
import { closeTestCharts } from '../helpers/test-charts';
import type { TestDatabase } from '../helpers/test-database';

// «покажи график оценок» in the playground: the pictures come back as PNG data URLs, shown by
// the page under the captions; another family's child is refused with no picture.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let db: TestDatabase;

beforeAll(async () => {
  db = await createDemoDatabase();
});
afterAll(async () => {
  await closeTestCharts();
  await db?.destroy();
});

const ask = (text: string) =>
  request(playgroundApp(db)).post('/playground/ask').send({ personId: 'demo-guardian-1', text }).expect(200);

describe('playground term charts', () => {
  it('returns the grid as a PNG data URL under its caption', async () => {
    const res = await ask('покажи график оценок');
    expect(res.body.kind).toBe('chart');
    expect(res.body.images.length).toBeGreaterThan(0);
    const [url] = res.body.images as string[];
    expect(url).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(url.split(',')[1], 'base64').subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(res.body.text).toMatch(/\d-я четверть: \d+ предмет/);
  });

  it('refuses another family’s child', async () => {
    const own = await db.prisma.studentLink.findMany({ where: { personId: 'demo-guardian-1' } });
    const stranger = await db.prisma.student.findFirstOrThrow({
      where: { id: { notIn: own.map((l) => l.studentId) } },
    });
    const ownNames = await db.prisma.student.findMany({ where: { id: { in: own.map((l) => l.studentId) } } });
    expect(ownNames.map((s) => s.firstName)).not.toContain(stranger.firstName);
    const res = await ask(`график оценок ${stranger.firstName}`);
    expect(res.body.images).toEqual([]);
    expect(res.body.kind).toBe('refused');
  });
});
