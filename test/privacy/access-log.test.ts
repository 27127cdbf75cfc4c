import request from 'supertest';
import { createAccessLogStore } from '../../prisma/stores/access/access-log-store';
import { aliceApp, aliceRequest } from '../helpers/alice-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// Every answer that reveals a student's data leaves an access-log entry (viewer, student,
// channel, intent, the viewer's role, time); answers that reveal nothing leave none; old entries
// are purged.

describe('access log', () => {
  let db: TestDatabase;
  let harness: ReturnType<typeof aliceApp>;
  let studentId: string;

  const entries = async () =>
    db.sql.query<{ viewerId: string; studentId: string; channel: string; intent: string; viewerRole: string | null }>(
      `SELECT "viewerId", "studentId", channel, intent, "viewerRole" FROM "AccessLog" ORDER BY id`,
    );
  const say = async (userId: string, command: string, state: Record<string, unknown> = {}) =>
    (await request(harness.app).post('/webhooks/alice').send(aliceRequest({ userId, command, state })).expect(200))
      .body as { session_state: Record<string, unknown> };

  beforeAll(async () => {
    db = await createDemoDatabase();
    harness = aliceApp(db);
    studentId = (await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
  });
  afterAll(() => db?.destroy());

  it('records who saw which student, through which channel, asking what — and nothing for refusals', async () => {
    await say('stranger', 'оценки сегодня');
    expect(await entries()).toEqual([]);

    const code = await harness.issueCode(studentId);
    const asked = await say('parent', `мой код ${code}`);
    await say('parent', 'да', asked.session_state);
    expect(await entries()).toEqual([]);

    await say('parent', 'какие оценки сегодня');
    await say('parent', 'что задали на завтра');
    await say('parent', 'оценки у Зебедеи');
    const personId = await harness.linking.personForChat({ channel: 'alice', externalId: 'parent' });
    expect(await entries()).toEqual([
      { viewerId: personId, studentId, channel: 'alice', intent: 'grades', viewerRole: 'guardian' },
      { viewerId: personId, studentId, channel: 'alice', intent: 'homework', viewerRole: 'guardian' },
    ]);
  });

  it('records the pupil themselves as a student (their parent linked first)', async () => {
    const before = (await entries()).length;
    const asked = await say('pupil', `мой код ${await harness.issueCode(studentId, 'student')}`);
    await say('pupil', 'да', asked.session_state);
    await say('pupil', 'какие оценки сегодня');
    const pupilId = await harness.linking.personForChat({ channel: 'alice', externalId: 'pupil' });
    expect(pupilId).toBeTruthy();
    expect((await entries()).slice(before)).toEqual([
      { viewerId: pupilId, studentId, channel: 'alice', intent: 'grades', viewerRole: 'student' },
    ]);
  });

  it('lists a student’s entries newest first and purges only those past retention', async () => {
    const log = createAccessLogStore(db);
    const old = new Date('2025-01-10T10:00:00Z');
    const recent = new Date('2026-11-30T10:00:00Z');
    await log.record([
      { viewerId: 'p-old', studentId: 'st-x', channel: 'telegram', intent: 'grades', viewerRole: 'guardian', at: old },
      { viewerId: 'p-new', studentId: 'st-x', channel: 'vk', intent: 'balance', viewerRole: 'teacher', at: recent },
    ]);
    expect((await log.forStudent('st-x', new Date('2020-01-01'), 10)).map((e) => [e.viewerId, e.viewerRole])).toEqual([
      ['p-new', 'teacher'],
      ['p-old', 'guardian'],
    ]);
    expect(await log.purge(new Date('2025-12-01T00:00:00Z'))).toBe(1);
    expect((await log.forStudent('st-x', new Date('2020-01-01'), 10)).map((e) => e.viewerId)).toEqual(['p-new']);
  });
});
