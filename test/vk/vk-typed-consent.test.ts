import nock from 'nock';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';
import type { TVkApiStub } from '../helpers/vk-api-stub';
import { messageNew } from '../helpers/vk-harness';
import { vkCallbackOnDatabase } from '../helpers/vk-runtime';

// VK runs the same conversation as Telegram: the consent under a code may be answered by typing.

let db: TestDatabase;
let studentId: string;
let api: TVkApiStub;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  db = await createDemoDatabase();
  studentId = (await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
});
afterEach(() => api?.stop());
afterAll(async () => {
  nock.enableNetConnect();
  nock.restore();
  await db?.destroy();
});

const vkChats = (peerId: number) => db.prisma.chat.findMany({ where: { channel: 'vk', externalId: String(peerId) } });

describe('VK: the consent answered in words', () => {
  it('links on «ну давай» after a code, declines on «не хочу», and a «да» with nothing waiting links nothing', async () => {
    const vk = await vkCallbackOnDatabase(db);
    api = vk.api;
    const lastSent = () => String(api.sent().at(-1)!.params.message);

    await vk.post(messageNew(222000001, 'да'));
    expect(lastSent()).toMatch(/12-значный код/);
    expect(await vkChats(222000001)).toEqual([]);

    await vk.post(messageNew(222000001, await vk.issueCode(studentId)));
    expect(lastSent()).toContain('Согласие на обработку персональных данных');
    await vk.post(messageNew(222000001, 'ну давай'));
    expect(await vkChats(222000001)).toHaveLength(1);

    await vk.post(messageNew(222000002, await vk.issueCode(studentId)));
    await vk.post(messageNew(222000002, 'не хочу'));
    expect(lastSent()).toMatch(/^Хорошо, ничего не сохранено/);
    expect(await vkChats(222000002)).toEqual([]);
    expect(await db.prisma.pendingLink.count({ where: { channel: 'vk', externalId: '222000002' } })).toBe(0);
  });
});
