import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLinkService, issueCodes } from '../../core/linking';
import { loadDemoSchool } from '../../prisma/demo/load-demo';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { createLinkingStore } from '../../prisma/stores/linking/linking-store';
import { DEMO_TODAY, DEMO_TZ } from '../helpers/demo-database';
import { runDnevnik } from '../helpers/dnevnik-cli';
import { openMigratedDataDir } from '../helpers/test-database';

// `dnevnik privacy access` and `dnevnik privacy report`, spawned against an embedded database:
// an answer given through `dnevnik ask` shows up in the access log as the operator's lookup, a
// /forget in the report.

const dnevnik = (args: string[], dataDir: string) => runDnevnik(args, { env: { DATA_DIR: dataDir, DEMO: 'false' } });

describe('dnevnik privacy', () => {
  let dataDir: string;
  let studentId: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-privacy-'));
    const db = await openMigratedDataDir(path.join(dataDir, 'pglite'));
    await loadDemoSchool({
      ingestStore: createIngestStore(db),
      timezone: DEMO_TZ,
      today: DEMO_TODAY,
      prisma: db.prisma,
    });
    studentId = (await db.prisma.studentLink.findFirstOrThrow({ where: { personId: 'demo-guardian-1' } })).studentId;
    // A parent links a Telegram chat and then withdraws consent.
    const store = createLinkingStore(db);
    const pepper = randomBytes(32);
    const linking = createLinkService({ store, access: createReadModel(db, DEMO_TZ).access, pepper });
    const [{ code }] = await issueCodes(store, pepper, [{ role: 'guardian', studentId, teacherId: null }]);
    const chat = { channel: 'telegram' as const, externalId: '424242' };
    const started = await linking.startLink(chat, code);
    if (!started.ok) throw new Error(started.reason);
    await linking.acceptConsent(chat, started.pending, (await import('../../core/linking')).CURRENT_CONSENT_VERSION);
    await linking.forget(chat);
    await db.close();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('lists who saw a student’s data; `dnevnik ask` is the operator’s lookup, not the parent’s', async () => {
    const asked = await dnevnik(['ask', '--user', 'demo-guardian-1', 'оценки сегодня'], dataDir);
    expect(asked.code).toBe(0);
    const access = await dnevnik(['privacy', 'access', '--student', studentId], dataDir);
    expect(access.stderr).toBe('');
    expect(access.code).toBe(0);
    expect(access.stdout).toMatch(
      /^\d{4}-\d{2}-\d{2}T\S+ {2}viewer=operator {2}role=operator {2}channel=cli {2}intent=grades$/m,
    );
    expect(access.stdout).not.toContain('demo-guardian-1');
    expect(access.stdout).toMatch(/1 access\(es\) to student/);
  });

  it('reports destruction records without identifiers, and explains its usage', async () => {
    const report = await dnevnik(['privacy', 'report'], dataDir);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/ {2}telegram {2}.*chats=1.*consents=1/);
    expect(report.stdout).not.toMatch(/424242/);
    expect(report.stdout).toMatch(/1 destruction record\(s\)/);
    const usage = await dnevnik(['privacy', 'access'], dataDir);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/--student is required/);
  });
});
