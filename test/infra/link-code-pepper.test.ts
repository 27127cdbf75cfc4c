import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLinkService } from '../../core/linking';
import { ConfigError, parseConfig } from '../../infra/config';
import { loadLinkCodePepper, PEPPER_FILE } from '../../infra/link-code-pepper';
import { createPepperCheck, linkCodePepperFingerprint, PEPPER_FINGERPRINT_KEY } from '../../infra/pepper-fingerprint';
import { refuseLinkingOnPepperMismatch } from '../../infra/pepper-linking-guard';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createDeploymentFactsStore } from '../../prisma/stores/linking/deployment-facts-store';
import { createLinkingStore } from '../../prisma/stores/linking/linking-store';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// Where the link-code pepper comes from, and the fingerprint that ties a database to one pepper.

const A = Buffer.from('a'.repeat(64));
const B = Buffer.from('b'.repeat(64));

function recorder() {
  const lines: { level: string; fields: object }[] = [];
  return {
    lines,
    log: {
      info: (fields: object) => void lines.push({ level: 'info', fields }),
      warn: (fields: object) => void lines.push({ level: 'warn', fields }),
    } as never,
  };
}

describe('LINK_CODE_PEPPER_FILE', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-pepper-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const config = (file: string) => ({
    LINK_CODE_PEPPER: undefined,
    LINK_CODE_PEPPER_FILE: file,
    DATA_DIR: path.join(dir, 'data'),
  });

  test('config: resolved to an absolute path, and exclusive with LINK_CODE_PEPPER', () => {
    expect(parseConfig({ LINK_CODE_PEPPER_FILE: 'secrets/pepper' }).LINK_CODE_PEPPER_FILE).toBe(
      path.resolve('secrets/pepper'),
    );
    expect(parseConfig({}).LINK_CODE_PEPPER_FILE).toBeUndefined();
    expect(() => parseConfig({ LINK_CODE_PEPPER_FILE: '/x', LINK_CODE_PEPPER: 'p'.repeat(32) })).toThrow(
      /LINK_CODE_PEPPER and LINK_CODE_PEPPER_FILE are alternatives/,
    );
  });

  test('an existing file is the pepper, trimmed; DATA_DIR gets none', () => {
    const file = path.join(dir, 'pepper');
    fs.writeFileSync(file, `${'s'.repeat(40)}\n`, { mode: 0o600 });
    expect(loadLinkCodePepper(config(file)).toString()).toBe('s'.repeat(40));
    expect(fs.existsSync(path.join(dir, 'data', PEPPER_FILE))).toBe(false);
  });

  test('a missing file in an existing directory is generated owner-only, with a log line', () => {
    const file = path.join(dir, 'pepper');
    const { lines, log } = recorder();
    const pepper = loadLinkCodePepper(config(file), log);
    expect(pepper.toString()).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadLinkCodePepper(config(file)).equals(pepper)).toBe(true);
    expect(lines).toEqual([{ level: 'info', fields: { file } }]);
  });

  test('a missing directory, a short secret or a directory is refused with one line', () => {
    expect(() => loadLinkCodePepper(config(path.join(dir, 'nowhere', 'pepper')))).toThrow(ConfigError);
    expect(() => loadLinkCodePepper(config(path.join(dir, 'nowhere', 'pepper')))).toThrow(
      /LINK_CODE_PEPPER_FILE .* does not exist, nor does its directory/,
    );
    const short = path.join(dir, 'short');
    fs.writeFileSync(short, 'too short\n', { mode: 0o600 });
    expect(() => loadLinkCodePepper(config(short))).toThrow(
      /LINK_CODE_PEPPER_FILE .*short holds 9 characters: use at least 32/,
    );
    expect(() => loadLinkCodePepper(config(dir))).toThrow(/is not a file/);
  });

  test('a file readable by others is made owner-only, with a warning', () => {
    const file = path.join(dir, 'pepper');
    fs.writeFileSync(file, 's'.repeat(40));
    fs.chmodSync(file, 0o644);
    const { lines, log } = recorder();
    loadLinkCodePepper(config(file), log);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(lines).toEqual([{ level: 'warn', fields: { file } }]);
  });
});

describe('the pepper fingerprint', () => {
  test('is 16 hex characters, differs between peppers, and does not contain the pepper', () => {
    const fingerprint = linkCodePepperFingerprint(A);
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(linkCodePepperFingerprint(A)).toBe(fingerprint);
    expect(linkCodePepperFingerprint(B)).not.toBe(fingerprint);
    expect(A.toString()).not.toContain(fingerprint);
  });
});

for (const { kind, describe: d } of DATABASE_KINDS) {
  d(`the recorded fingerprint on ${kind}`, () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await createTestDatabase(kind);
    });
    afterEach(() => db.destroy());

    const check = (pepper: Buffer) => createPepperCheck(createDeploymentFactsStore(db), pepper);

    test('the first pepper is recorded; the same one agrees, another does not', async () => {
      expect(await check(A).verify()).toEqual({ ok: true, fingerprint: linkCodePepperFingerprint(A) });
      expect(await db.prisma.deploymentFact.findMany()).toEqual([
        expect.objectContaining({ key: PEPPER_FINGERPRINT_KEY, value: linkCodePepperFingerprint(A) }),
      ]);
      expect(await check(A).verify()).toMatchObject({ ok: true });
      expect(await check(B).verify()).toEqual({
        ok: false,
        fingerprint: linkCodePepperFingerprint(B),
        recorded: linkCodePepperFingerprint(A),
      });
    });

    test('two processes starting together agree on one', async () => {
      const facts = createDeploymentFactsStore(db);
      const values = await Promise.all([facts.recordOnce('k', 'first'), facts.recordOnce('k', 'second')]);
      expect(values[0]).toBe(values[1]);
      expect(await facts.read('k')).toBe(values[0]);
    });

    test("adopting makes the pepper in use the database's", async () => {
      await check(A).verify();
      await check(B).adopt();
      expect(await check(B).verify()).toMatchObject({ ok: true });
      expect(await check(A).verify()).toMatchObject({ ok: false });
    });

    test('linking with another pepper is paused: no try is counted against anyone', async () => {
      await check(A).verify();
      const linking = createLinkService({
        store: createLinkingStore(db),
        access: createReadModel(db, 'Europe/Moscow').access,
        pepper: B,
      });
      const guarded = refuseLinkingOnPepperMismatch(linking, check(B));
      expect(await guarded.startLink({ channel: 'telegram', externalId: '1' }, '4815 2604 7391')).toEqual({
        ok: false,
        reason: 'busy',
        retryAfterSeconds: 900,
      });
      // The same for the chats' path (a code held for the consent buttons) and a code seen in a group.
      expect(await guarded.offerLink({ channel: 'telegram', externalId: '1' }, '4815 2604 7391')).toEqual({
        ok: false,
        reason: 'busy',
        retryAfterSeconds: 900,
      });
      expect(await guarded.voidPostedCode({ channel: 'telegram', externalId: '-100' }, '4815 2604 7391')).toBe(
        'braked',
      );
      expect(await db.prisma.linkAttempt.count()).toBe(0);
      // With the database's pepper the code is looked up as usual (and, unknown, counted).
      const right = refuseLinkingOnPepperMismatch(
        createLinkService({
          store: createLinkingStore(db),
          access: createReadModel(db, 'Europe/Moscow').access,
          pepper: A,
        }),
        check(A),
      );
      expect(await right.startLink({ channel: 'telegram', externalId: '1' }, '4815 2604 7391')).toMatchObject({
        ok: false,
        reason: 'wrong_code',
      });
    });
  });
}
