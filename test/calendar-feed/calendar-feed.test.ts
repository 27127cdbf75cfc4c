import ICAL from 'ical.js';
import request from 'supertest';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';
import { accessEntries, consented, FEED_NOW, feedApp, seedFeedSchool } from './feed-fixtures';

// The private calendar feed over HTTP on both databases: its content read back by a real
// iCalendar parser (ical.js), conditional requests, and who is refused.

type TParsed = { summary: string; uid: string; event: ICAL.Event; comp: ICAL.Component };

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events: TParsed[] = root.getAllSubcomponents('vevent').map((comp) => {
    const event = new ICAL.Event(comp);
    return { summary: event.summary, uid: event.uid, event, comp };
  });
  return { root, events, find: (summary: string) => events.find((e) => e.summary === summary) };
}

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`calendar feed (${kind})`, () => {
    let db: TestDatabase;
    let harness: ReturnType<typeof feedApp>;

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      await seedFeedSchool(db);
      harness = feedApp(db);
    });
    afterAll(() => db?.destroy());

    it("holds the child's school year: lessons, a test, an online and a cancelled lesson, events, homework", async () => {
      const [{ token }] = await harness.feeds.issue('fp-mom', ['fs-masha']);
      const res = await request(harness.app).get(`/calendar/${token}.ics`).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
      // Compressed for a client that takes gzip (supertest does, and unpacks it).
      expect(res.headers['content-encoding']).toBe('gzip');
      const { root, events, find } = parse(res.text);
      expect(root.getFirstPropertyValue('version')).toBe('2.0');
      expect(root.getFirstPropertyValue('prodid')).toBeTruthy();
      expect(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([
        'Asia/Yekaterinburg',
      ]);
      expect(events.map((e) => e.summary).sort()).toEqual(
        [
          'Биология',
          'Алгебра',
          'Контрольная: Алгебра — Квадратные уравнения',
          'Домашнее задание: Алгебра',
          'Последний звонок',
          'Родительское собрание 7А',
          'Экскурсия в музей',
        ].sort(),
      );
      // Every event has what RFC 5545 requires of it, UIDs are unique and DTSTAMP is UTC.
      expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
      for (const e of events) expect(e.comp.getFirstProperty('dtstamp')!.toICALString()).toMatch(/Z$/);

      const test = find('Контрольная: Алгебра — Квадратные уравнения')!;
      expect(test.event.location).toBe('214');
      expect(test.comp.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Yekaterinburg');
      expect(test.event.startDate.zone.tzid).toBe('Asia/Yekaterinburg');
      expect(test.event.startDate.toJSDate().toISOString()).toBe('2027-05-20T03:30:00.000Z');
      expect(test.event.endDate.toJSDate().toISOString()).toBe('2027-05-20T04:15:00.000Z');

      const online = find('Биология')!;
      expect(online.comp.getFirstPropertyValue('url')).toBe('https://meet.example/bio');
      expect(online.event.description).toContain('https://meet.example/bio');
      expect(online.event.description).toContain('Тема: Клетка');

      const cancelled = find('Алгебра')!;
      expect(cancelled.comp.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(test.comp.getFirstPropertyValue('status')).toBe('CONFIRMED');

      const homework = find('Домашнее задание: Алгебра')!;
      expect(homework.event.startDate.isDate).toBe(true);
      expect(homework.event.startDate.toString()).toBe('2027-05-21');
      expect(homework.event.description).toBe('№ 345, 346; повторить §12');

      expect(find('Последний звонок')!.event.location).toBe('Актовый зал');
      expect(find('Последний звонок')!.event.description).toBe('Форма парадная');
      expect(find('Родительское собрание 7А')!.comp.getFirstPropertyValue('url')).toBe('https://meet.example/7a');
      expect(find('Экскурсия в музей')!.event.startDate.isDate).toBe(true);
      // Not Petya's class's event, not last year's lesson, not a deleted one.
      expect(find('Собрание 9Б')).toBeUndefined();
    });

    it('is written in the person’s language: a pupil with English gets English titles', async () => {
      const [{ token }] = await harness.feeds.issue('fp-masha', ['fs-masha']);
      const { find } = parse((await request(harness.app).get(`/calendar/${token}.ics`).expect(200)).text);
      expect(find('Test: Algebra — Квадратные уравнения')).toBeDefined();
      expect(find('Homework: Algebra')).toBeDefined();
    });

    it('answers 304 to a matching ETag or an unchanged date, and logs every fetch', async () => {
      const [{ token }] = await harness.feeds.issue('fp-mom', ['fs-masha']);
      await db.sql.query(`DELETE FROM "AccessLog"`);
      const first = await request(harness.app).get(`/calendar/${token}.ics`).expect(200);
      const etag = first.headers.etag as string;
      const lastModified = first.headers['last-modified'] as string;
      expect(etag).toMatch(/^W\/"[\w-]+"$/);
      expect(new Date(lastModified).getTime()).toBeLessThanOrEqual(Date.now());

      const again = await request(harness.app).get(`/calendar/${token}.ics`).set('If-None-Match', etag).expect(304);
      expect(again.headers.etag).toBe(etag);
      expect(again.text).toBe('');
      await request(harness.app).get(`/calendar/${token}.ics`).set('If-Modified-Since', lastModified).expect(304);
      // A changed lesson is a new version.
      await db.sql.query(
        `UPDATE "Lesson" SET room = '215', "updatedAt" = now() + interval '1 second' WHERE id = 'fl-test'`,
      );
      const changed = await request(harness.app).get(`/calendar/${token}.ics`).set('If-None-Match', etag).expect(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(parse(changed.text).find('Контрольная: Алгебра — Квадратные уравнения')!.event.location).toBe('215');

      const entry = {
        viewerId: 'fp-mom',
        studentId: 'fs-masha',
        channel: 'calendar',
        intent: 'calendar',
        viewerRole: 'guardian',
      };
      expect(await accessEntries(db)).toEqual([entry, entry, entry, entry]);
    });

    it('answers 404 with a reason to an unknown, a revoked, a replaced or an unlinked feed', async () => {
      const stranger = 'A'.repeat(32);
      const unknown = await request(harness.app).get(`/calendar/${stranger}.ics`).expect(404);
      expect(unknown.body).toEqual({ error: expect.stringContaining('calendar feed') });
      await request(harness.app).get('/calendar/short.ics').expect(404);

      const [{ token: old }] = await harness.feeds.issue('fp-mom', ['fs-masha']);
      const [{ token: renewed }] = await harness.feeds.issue('fp-mom', ['fs-masha']);
      await request(harness.app).get(`/calendar/${old}.ics`).expect(404);
      await request(harness.app).get(`/calendar/${renewed}.ics`).expect(200);

      expect(await harness.feeds.revoke('fp-mom')).toBe(1);
      await request(harness.app).get(`/calendar/${renewed}.ics`).expect(404);

      // Another family's parent cannot get a feed of Маша, and loses Петя's when unlinked.
      expect(await harness.feeds.issue('fp-other', ['fs-masha'])).toEqual([]);
      const [{ token: petya }] = await harness.feeds.issue('fp-other', ['fs-petya']);
      await request(harness.app).get(`/calendar/${petya}.ics`).expect(200);
      await db.sql.query(`DELETE FROM "StudentLink" WHERE "personId" = 'fp-other'`);
      await db.sql.query(`DELETE FROM "AccessLog"`);
      await request(harness.app).get(`/calendar/${petya}.ics`).expect(404);
      expect(await accessEntries(db)).toEqual([]);
    });

    it('goes with the person (/forget deletes the Person; the feed cascades)', async () => {
      await db.sql.query(`INSERT INTO "Person" (id) VALUES ('fp-gone')`);
      await db.sql.query(
        `INSERT INTO "StudentLink" ("personId", "studentId", role) VALUES ('fp-gone', 'fs-masha', 'guardian')`,
      );
      await consented(db, 'fp-gone');
      const [{ token }] = await harness.feeds.issue('fp-gone', ['fs-masha']);
      await db.sql.query(`DELETE FROM "Person" WHERE id = 'fp-gone'`);
      expect(await db.sql.query(`SELECT 1 FROM "CalendarFeed" WHERE "personId" = 'fp-gone'`)).toEqual([]);
      await request(harness.app).get(`/calendar/${token}.ics`).expect(404);
    });

    it('pauses while the person has not accepted the current consent text', async () => {
      const [{ token }] = await harness.feeds.issue('fp-mom', ['fs-masha']);
      await db.sql.query(`UPDATE "Consent" SET "textVersion" = '2026-01' WHERE "personId" = 'fp-mom'`);
      await request(harness.app).get(`/calendar/${token}.ics`).expect(404);
      await consented(db, 'fp-mom');
      await request(harness.app).get(`/calendar/${token}.ics`).expect(200);
    });

    it('stores only the token’s HMAC', async () => {
      const [{ token }] = await harness.feeds.issue('fp-mom', ['fs-masha']);
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const rows = await db.sql.query<{ tokenHash: string }>(`SELECT "tokenHash" FROM "CalendarFeed"`);
      expect(rows.every((r) => !r.tokenHash.includes(token))).toBe(true);
      expect(FEED_NOW.getTime()).toBeGreaterThan(0);
    });
  });
}
