import nock from 'nock';
import { createDemoDatabase, DEMO_TODAY, dbDay } from '../helpers/demo-database';
import { closeTestCharts } from '../helpers/test-charts';
import type { TestDatabase } from '../helpers/test-database';
import type { TVkApiStub } from '../helpers/vk-api-stub';
import { actionsOf, messageEvent, messageNew } from '../helpers/vk-harness';
import { vkCallbackOnDatabase } from '../helpers/vk-runtime';

// A term chart in VK: the picture is uploaded for the chat (photos.getMessagesUploadServer, the
// upload, photos.saveMessagesPhoto) and sent as the attachment of a message holding its caption.

let db: TestDatabase;
let student: { id: string; firstName: string };
let api: TVkApiStub;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  db = await createDemoDatabase();
  const grade = await db.prisma.grade.findFirstOrThrow({
    where: { date: dbDay(DEMO_TODAY), deletedAt: null },
    orderBy: { id: 'asc' },
  });
  student = await db.prisma.student.findUniqueOrThrow({ where: { id: grade.studentId } });
});
afterEach(() => api?.stop());
afterAll(async () => {
  nock.enableNetConnect();
  nock.restore();
  await closeTestCharts();
  await db?.destroy();
});

async function linked(peerId: number) {
  const vk = await vkCallbackOnDatabase(db);
  api = vk.api;
  await vk.post(messageNew(peerId, await vk.issueCode(student.id)));
  const [accept] = actionsOf(api.sent().at(-1)!);
  await vk.post(messageEvent(peerId, { a: accept, l: 'ru' }));
  return vk;
}

describe('VK term charts', () => {
  it('uploads the grid as a photo and sends it with its caption from the results screen', async () => {
    const peerId = 223456701;
    const { post } = await linked(peerId);
    await post(messageEvent(peerId, { a: 'm:r:t:a', l: 'ru' }));
    const results = api.calls.filter((c) => c.method === 'messages.send' || c.method === 'messages.edit').at(-1)!;
    expect(actionsOf(results)).toContain('p:a');
    await post(messageEvent(peerId, { a: 'p:a', l: 'ru' }));
    expect(api.calls.map((c) => c.method)).toEqual(
      expect.arrayContaining(['photos.getMessagesUploadServer', 'photos.saveMessagesPhoto']),
    );
    expect(api.calls.find((c) => c.method === 'photos.getMessagesUploadServer')!.params.peer_id).toBe(String(peerId));
    expect(api.sent().at(-1)!.params).toMatchObject({
      peer_id: String(peerId),
      message: expect.stringMatching(new RegExp(`^${student.firstName}, \\d-я четверть: \\d+ предмет`)),
      attachment: 'photo-1_7701',
    });
  });

  it('sends the caption alone for a subject without grades, and uploads nothing', async () => {
    const peerId = 223456702;
    const { post } = await linked(peerId);
    await post(messageNew(peerId, 'график по астрономии'));
    expect(api.calls.map((c) => c.method)).not.toContain('photos.getMessagesUploadServer');
    expect(api.sent().at(-1)!.params.message).toMatch(/^Астрономия, \d-я четверть: оценок пока нет$/);
    expect(api.sent().at(-1)!.params.attachment).toBeUndefined();
  });
});
