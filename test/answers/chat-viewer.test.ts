import type { AccessReader } from '../../core/access';
import { createAnswerService, type TAnswer } from '../../core/answers';
import { loadDemoPeople } from '../../prisma/demo/load-demo-people';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createDemoDatabase, DEMO_NOW, DEMO_TZ } from '../helpers/demo-database';
import { DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// A turn reads its chat's person, consent and scope in one statement and hands the scope to the
// answers. The answers must treat that scope exactly as one they read themselves, and must never
// take another person's scope for the asker's.

const shown = (answer: TAnswer) => ('sections' in answer ? answer.sections.map((s) => s.student.id) : []);

for (const { kind, describe: d } of DATABASE_KINDS) {
  d(`a chat's viewer, read once per turn (${kind})`, () => {
    let db: TestDatabase;
    let access: AccessReader;
    let scopeReads: number;

    beforeAll(async () => {
      db = await createDemoDatabase(kind);
      await loadDemoPeople(db.prisma);
      await db.prisma.chat.create({ data: { personId: 'demo-guardian-1', channel: 'telegram', externalId: '424201' } });
      await db.prisma.chat.create({ data: { personId: 'demo-guardian-2', channel: 'vk', externalId: '424202' } });
      const real = createReadModel(db, DEMO_TZ).access;
      // Counts the reads the answers make on their own; the statements are the real ones.
      access = { ...real, viewerScope: (personId) => (scopeReads++, real.viewerScope(personId)) };
    });
    beforeEach(() => {
      scopeReads = 0;
    });
    afterAll(() => db?.destroy());

    it('reads the same scope as a read by person, with the active consent; null for a chat not stored', async () => {
      const viewer = await access.chatViewer({ channel: 'telegram', externalId: '424201' });
      expect(viewer?.scope).toEqual(await access.viewerScope('demo-guardian-1'));
      const consent = await db.prisma.consent.findFirstOrThrow({
        where: { personId: 'demo-guardian-1', withdrawnAt: null },
      });
      expect(viewer?.consent).toEqual({
        textVersion: consent.textVersion,
        textHash: consent.textHash,
        acceptedAt: consent.acceptedAt,
      });
      expect(await access.chatViewer({ channel: 'vk', externalId: '424201' })).toBeNull();
      expect(await access.chatViewer({ channel: 'telegram', externalId: 'nobody' })).toBeNull();
    });

    it('gives a person without consent or links no consent and an empty scope', async () => {
      await db.prisma.chat.create({
        data: { person: { create: { id: 'chat-viewer-p', locale: 'en' } }, channel: 'telegram', externalId: '424203' },
      });
      const viewer = await access.chatViewer({ channel: 'telegram', externalId: '424203' });
      expect(viewer).toEqual({
        consent: null,
        scope: {
          personId: 'chat-viewer-p',
          locale: 'en',
          timezone: null,
          linkedStudents: [],
          selfStudentIds: [],
          teacherIds: [],
        },
      });
    });

    it('answers from the scope handed in without reading it again, exactly as from its own read', async () => {
      const answers = createAnswerService({
        access,
        diary: createReadModel(db, DEMO_TZ).diary,
        defaultTimezone: DEMO_TZ,
      });
      const viewer = await access.chatViewer({ channel: 'telegram', externalId: '424201' });
      scopeReads = 0;
      const handed = await answers.ask(
        'оценки за неделю',
        { personId: 'demo-guardian-1', channel: 'telegram', scope: viewer!.scope },
        DEMO_NOW,
      );
      expect(scopeReads).toBe(0);
      const own = await answers.ask('оценки за неделю', { personId: 'demo-guardian-1', channel: 'telegram' }, DEMO_NOW);
      expect(scopeReads).toBe(1);
      expect(handed).toEqual(own);
      expect(shown(handed.answer).length).toBeGreaterThan(0);
    });

    it("ignores a scope that is another person's and answers from the asker's own links", async () => {
      const answers = createAnswerService({
        access,
        diary: createReadModel(db, DEMO_TZ).diary,
        defaultTimezone: DEMO_TZ,
      });
      const other = (await access.chatViewer({ channel: 'vk', externalId: '424202' }))!.scope;
      const own = (await access.viewerScope('demo-guardian-1'))!;
      expect(other.linkedStudents.map((s) => s.id)).not.toEqual(own.linkedStudents.map((s) => s.id));
      scopeReads = 0;
      const { answer } = await answers.ask('оценки за неделю', { personId: 'demo-guardian-1', scope: other }, DEMO_NOW);
      expect(scopeReads).toBe(1);
      expect(shown(answer)).toEqual(own.linkedStudents.map((s) => s.id));
    });
  });
}
