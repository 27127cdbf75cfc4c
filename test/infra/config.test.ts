import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, parseConfig } from '../../infra/config';

describe('config (CONTRACT section 2)', () => {
  test('an empty environment gives the embedded defaults', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      TZ_DEFAULT: 'Europe/Moscow',
      LOG_LEVEL: 'info',
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      ALEXA_VERIFY_SIGNATURE: true,
      embedded: true,
      DEMO: true,
    });
    expect(config.DATA_DIR).toBe(path.resolve('./data'));
  });

  test('DEMO defaults off with a real database and can be switched explicitly', () => {
    expect(parseConfig({ DATABASE_URL: 'postgresql://u@localhost/db' }).DEMO).toBe(false);
    expect(parseConfig({ DATABASE_URL: 'postgresql://u@localhost/db', DEMO: 'true' }).DEMO).toBe(true);
    expect(parseConfig({ DEMO: 'off' }).DEMO).toBe(false);
  });

  test('no Telegram bot name and no Alice skill name unless set: letters must not point at a made-up one', () => {
    const config = parseConfig({});
    expect(config.TELEGRAM_BOT_USERNAME).toBeUndefined();
    expect(config.ALICE_SKILL_NAME).toBeUndefined();
    expect(parseConfig({ TELEGRAM_BOT_USERNAME: '@school_diary_bot' }).TELEGRAM_BOT_USERNAME).toBe('school_diary_bot');
    expect(parseConfig({ ALICE_SKILL_NAME: ' Школьный помощник ' }).ALICE_SKILL_NAME).toBe('Школьный помощник');
  });

  test('ALEXA_VERIFY_SIGNATURE is off only when explicitly false', () => {
    expect(parseConfig({ ALEXA_VERIFY_SIGNATURE: 'false' }).ALEXA_VERIFY_SIGNATURE).toBe(false);
    expect(parseConfig({ ALEXA_VERIFY_SIGNATURE: '' }).ALEXA_VERIFY_SIGNATURE).toBe(true);
  });

  test.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT .*\(got "abc"\)$/],
    [{ PORT: '70000' }, /^Invalid configuration: PORT /],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL must be a postgres/],
    [{ REDIS_URL: 'localhost:6379' }, /^Invalid configuration: REDIS_URL must be a redis/],
    [{ TZ_DEFAULT: 'Mars/Olympus' }, /^Invalid configuration: TZ_DEFAULT unknown IANA time zone/],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL /],
    [{ ALEXA_VERIFY_SIGNATURE: 'maybe' }, /^Invalid configuration: ALEXA_VERIFY_SIGNATURE /],
    [{ PUBLIC_URL: 'not a url' }, /^Invalid configuration: PUBLIC_URL must be an http\(s\) URL/],
    [
      { JOURNAL_WEBHOOK_SECRET: 'short' },
      /^Invalid configuration: JOURNAL_WEBHOOK_SECRET use at least 16 characters \(got "\*\*\*"\)$/,
    ],
    [{ TELEGRAM_BOT_TOKEN: '123:abc', PUBLIC_URL: 'https://x.example' }, /TELEGRAM_WEBHOOK_SECRET is required/],
    [{ VK_GROUP_TOKEN: 'vk1.a.token' }, /VK_GROUP_ID is required/],
    [
      { VK_GROUP_TOKEN: 'vk1.a.token', VK_GROUP_ID: '1', PUBLIC_URL: 'https://x.example' },
      /VK_CALLBACK_SECRET and VK_CONFIRMATION are required/,
    ],
    [{ ALICE_OAUTH_CLIENT_ID: 'yandex' }, /ALICE_OAUTH_CLIENT_ID and ALICE_OAUTH_CLIENT_SECRET are set together/],
    [
      { ALICE_OAUTH_REDIRECT_URIS: 'http://insecure.example/cb' },
      /^Invalid configuration: ALICE_OAUTH_REDIRECT_URIS must be https:\/\/ URLs/,
    ],
    [{ ALEXA_OAUTH_CLIENT_SECRET: 'alexa-secret-0123456789' }, /ALEXA_OAUTH_CLIENT_ID and ALEXA_OAUTH_CLIENT_SECRET/],
    [
      { ALEXA_OAUTH_CLIENT_ID: 'alexa', ALEXA_OAUTH_CLIENT_SECRET: 'short' },
      /^Invalid configuration: ALEXA_OAUTH_CLIENT_SECRET use at least 16 characters \(got "\*\*\*"\)$/,
    ],
    [
      {
        ALICE_OAUTH_CLIENT_ID: 'voice',
        ALICE_OAUTH_CLIENT_SECRET: 'alice-secret-0123456789',
        ALEXA_OAUTH_CLIENT_ID: 'voice',
        ALEXA_OAUTH_CLIENT_SECRET: 'alexa-secret-0123456789',
      },
      /ALEXA_OAUTH_CLIENT_ID must differ from ALICE_OAUTH_CLIENT_ID/,
    ],
    [
      { ALEXA_OAUTH_VENDOR_ID: 'm2aa/../x' },
      /^Invalid configuration: ALEXA_OAUTH_VENDOR_ID must be the vendor id of the Alexa redirect URLs/,
    ],
    [{ QUESTIONS_PER_MINUTE: '-1' }, /^Invalid configuration: QUESTIONS_PER_MINUTE/],
    [{ ALICE_SKILL_NAME: 'Дневник\nшколы' }, /^Invalid configuration: ALICE_SKILL_NAME 2–64 characters on one line/],
    [
      { TELEGRAM_BOT_USERNAME: 'https://t.me/bot' },
      /^Invalid configuration: TELEGRAM_BOT_USERNAME must be a Telegram bot username/,
    ],
  ])('%j is refused with one line naming the variable', (env, message) => {
    let error: unknown;
    try {
      parseConfig(env as Record<string, string>);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  test('Alexa account linking is read with its client, and the vendor id when given', () => {
    const config = parseConfig({
      ALEXA_OAUTH_CLIENT_ID: 'alexa-school-diary',
      ALEXA_OAUTH_CLIENT_SECRET: 'alexa-secret-0123456789',
      ALEXA_OAUTH_VENDOR_ID: 'M2AAAAAAAAAAAA',
    });
    expect(config).toMatchObject({
      ALEXA_OAUTH_CLIENT_ID: 'alexa-school-diary',
      ALEXA_OAUTH_CLIENT_SECRET: 'alexa-secret-0123456789',
      ALEXA_OAUTH_VENDOR_ID: 'M2AAAAAAAAAAAA',
    });
    expect(parseConfig({}).ALEXA_OAUTH_CLIENT_ID).toBeUndefined();
  });

  test('a secret is never echoed back, even when it is the bad value', () => {
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: 'not-a-token-supersecret' })).toThrow(/TELEGRAM_BOT_TOKEN .*\*\*\*/);
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: 'not-a-token-supersecret' })).not.toThrow(/supersecret/);
  });

  test('start stops with that one line and exit code 2', () => {
    const root = path.join(__dirname, '..', '..');
    const result = spawnSync(process.execPath, ['bin/dnevnik.js', 'start'], {
      cwd: root,
      env: { PATH: process.env.PATH, PORT: 'abc', DATA_DIR: '/tmp/dnevnik-config-test' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('Invalid configuration: PORT must be a port number (0–65535) (got "abc")');
  });
});
