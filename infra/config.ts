import path from 'node:path';
import { z } from 'zod';
import { isTimeZone } from '../core/calendar';
import { AMAZON_VENDOR_ID } from '../core/oauth';
import { LOG_FORMATS } from './log-format';
import { parseTrustProxy } from './trust-proxy';

// README "Configuration"; every variable is listed in .env.example. Parsed once at start; a bad
// value stops start with one line naming it.

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

const ZBoolean = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
    .transform((v) => ['true', '1', 'yes', 'on'].includes(v)),
);

const ZPostgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL');
const ZRedisUrl = z.string().refine((v) => /^rediss?:\/\//.test(v), 'must be a redis:// or rediss:// URL');
const ZHttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const PORT_MESSAGE = 'must be a port number (0–65535)';
const ZPort = z.coerce
  .string()
  .regex(/^\d{1,5}$/, PORT_MESSAGE)
  .transform(Number)
  .refine((n) => n <= 65535, PORT_MESSAGE);

export const ZEnvSchema = z.object({
  DATABASE_URL: opt(ZPostgresUrl),
  REDIS_URL: opt(ZRedisUrl),
  PORT: z.preprocess(emptyToUndefined, ZPort.default(3000)),
  // The address the HTTP server listens on; unset = all interfaces, or loopback only with DEMO on (infra/listen-host.ts).
  HOST: opt(
    z
      .string()
      .regex(
        /^(\[?[0-9A-Fa-f:.]+\]?|[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)$/,
        'must be a host name or an IP address',
      )
      .transform((v) => v.replace(/^\[(.*)\]$/, '$1')),
  ),
  PUBLIC_URL: opt(ZHttpUrl),
  // Whose X-Forwarded-For is believed (infra/trust-proxy.ts): loopback, a hop count, CIDRs, or none.
  TRUST_PROXY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('loopback')
      .transform(
        (v, ctx) =>
          parseTrustProxy(v) ??
          (ctx.addIssue({
            code: 'custom',
            message: 'must be loopback, none, a hop count or comma-separated addresses/CIDRs',
          }),
          z.NEVER),
      ),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  // auto = pretty lines on a terminal, JSON otherwise; json | pretty force one (infra/log-format.ts).
  LOG_FORMAT: z.preprocess(emptyToUndefined, z.enum(LOG_FORMATS).default('auto')),
  // `dnevnik worker` serves /healthz, /readyz and /metrics here; unset = it listens nowhere.
  WORKER_PORT: opt(ZPort),
  // /metrics is served only on this port (web and worker processes), not on PORT or WORKER_PORT.
  METRICS_PORT: opt(ZPort),
  TZ_DEFAULT: z.preprocess(
    emptyToUndefined,
    z.string().refine(isTimeZone, 'unknown IANA time zone').default('Europe/Moscow'),
  ),
  TELEGRAM_BOT_TOKEN: opt(z.string().regex(/^\d+:[\w-]+$/, 'expected <bot id>:<secret>')),
  TELEGRAM_WEBHOOK_SECRET: opt(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, '1–256 characters of A–Z a–z 0–9 _ -')),
  TELEGRAM_API_ROOT: z.preprocess(emptyToUndefined, ZHttpUrl.default('https://api.telegram.org')),
  // Printed in the deep links of school letters (`https://t.me/<username>?start=<code>`). No default:
  // a made-up name would send parents with their codes to someone else's bot.
  TELEGRAM_BOT_USERNAME: opt(
    z
      .string()
      .regex(/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/, 'must be a Telegram bot username')
      .transform((v) => v.replace(/^@/, '')),
  ),
  // Secret that link codes are hashed with; unset = one generated into DATA_DIR (see infra/link-code-pepper.ts).
  LINK_CODE_PEPPER: opt(z.string().min(32, 'use at least 32 characters')),
  // Or a file holding it, apart from DATA_DIR and its backups (generated when missing).
  LINK_CODE_PEPPER_FILE: opt(z.string()),
  VK_GROUP_TOKEN: opt(z.string()),
  VK_GROUP_ID: opt(
    z
      .string()
      .regex(/^\d{1,15}$/, "must be the community's numeric id")
      .transform(Number),
  ),
  VK_CALLBACK_SECRET: opt(z.string()),
  VK_CONFIRMATION: opt(z.string()),
  VK_API_BASE_URL: z.preprocess(emptyToUndefined, ZHttpUrl.default('https://api.vk.ru/method')),
  // MAX (max.ru): the bot's token from @MasterBot; unset = no MAX bot.
  MAX_BOT_TOKEN: opt(z.string()),
  // Printed in the deep links of school letters (`https://max.ru/<username>?start=<code>`); no default, as for Telegram.
  MAX_BOT_USERNAME: opt(
    z
      .string()
      .regex(/^@?[A-Za-z0-9_.-]{2,64}$/, 'must be a MAX bot username')
      .transform((v) => v.replace(/^@/, '')),
  ),
  // Sent back by MAX in X-Max-Bot-Api-Secret with each webhook: required with PUBLIC_URL.
  MAX_WEBHOOK_SECRET: opt(z.string().regex(/^[A-Za-z0-9_-]{5,256}$/, '5–256 characters of A–Z a–z 0–9 _ -')),
  MAX_API_BASE_URL: z.preprocess(emptyToUndefined, ZHttpUrl.default('https://platform-api.max.ru')),
  // Requests per second for the bot's token, shared by every process (MAX documents 30).
  MAX_RATE_LIMIT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1000).default(30)),
  ALICE_SKILL_ID: opt(z.string()),
  // The skill's activation name as published in Yandex Dialogs ("Алиса, запусти навык <name>"),
  // printed in school letters; unset = the letters do not mention Alice.
  ALICE_SKILL_NAME: opt(
    z
      .string()
      .trim()
      .regex(/^[^\p{Cc}]{2,64}$/u, '2–64 characters on one line'),
  ),
  // The last segment of Alice's webhook URL (/webhooks/alice/<secret>, as entered in Yandex Dialogs):
  // Yandex signs nothing and the skill_id is public, so a secret URL is what keeps forged requests out.
  ALICE_WEBHOOK_PATH_SECRET: opt(
    z.string().regex(/^[A-Za-z0-9_-]{24,128}$/, 'use 24–128 characters of A–Z a–z 0–9 _ -'),
  ),
  // Alice account linking (OAuth): the client Yandex Dialogs is given; unset = people say their code.
  ALICE_OAUTH_CLIENT_ID: opt(z.string()),
  ALICE_OAUTH_CLIENT_SECRET: opt(z.string().min(16, 'use at least 16 characters')),
  // Where the sign-in page may send people back to (comma-separated, exact match).
  ALICE_OAUTH_REDIRECT_URIS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('https://social.yandex.net/broker/redirect')
      .transform((v) =>
        v
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean),
      )
      .refine((uris) => uris.every((u) => /^https:\/\//.test(u)), 'must be https:// URLs'),
  ),
  ALEXA_SKILL_ID: opt(z.string()),
  ALEXA_VERIFY_SIGNATURE: z.preprocess(emptyToUndefined, ZBoolean.default(true)),
  // With PUBLIC_URL, a web process sets the Telegram webhook at start; false leaves that to
  // `dnevnik webhooks set` (several web processes behind one address need not each set it).
  REGISTER_WEBHOOKS: z.preprocess(emptyToUndefined, ZBoolean.default(true)),
  // A process applies pending migrations at start; false (web and worker processes next to a
  // one-shot `dnevnik migrate`) only checks that none is pending and refuses to start otherwise.
  // true by default with PostgreSQL too, as before the variable existed: a single process keeps
  // migrating itself.
  MIGRATE_ON_START: z.preprocess(emptyToUndefined, ZBoolean.default(true)),
  // Alexa account linking (OAuth): the client entered in the skill's account-linking settings; unset =
  // people say their code. Amazon returns to its own redirect URLs (core/oauth/amazon-redirects.ts),
  // of the vendor id when one is given.
  ALEXA_OAUTH_CLIENT_ID: opt(z.string()),
  ALEXA_OAUTH_CLIENT_SECRET: opt(z.string().min(16, 'use at least 16 characters')),
  ALEXA_OAUTH_VENDOR_ID: opt(
    z.string().regex(AMAZON_VENDOR_ID, 'must be the vendor id of the Alexa redirect URLs (capital letters and digits)'),
  ),
  JOURNAL_WEBHOOK_SECRET: opt(z.string().min(16, 'use at least 16 characters')),
  // The key schools' journal-key secrets are sealed under (infra/journal-key-seal.ts); unset = one
  // generated into DATA_DIR. _PREVIOUS opens secrets sealed before a rotation.
  JOURNAL_KEY_SEAL_KEY: opt(z.string().min(32, 'use at least 32 characters')),
  JOURNAL_KEY_SEAL_KEY_PREVIOUS: opt(z.string().min(32, 'use at least 32 characters')),
  DEMO: opt(ZBoolean),
  // Questions one chat may ask per minute before a polite "please wait"; 0 = no limit (load tests).
  QUESTIONS_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(100_000).default(30)),
  // Instant alerts of one student arriving within this many seconds go out as one message.
  ALERT_WINDOW_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(3600).default(120)),
});

export type TEnv = z.infer<typeof ZEnvSchema>;

export interface TConfig extends Omit<TEnv, 'DEMO' | 'DATA_DIR'> {
  DATA_DIR: string;
  /** Demo school on: default with the embedded database, off with a real one. */
  DEMO: boolean;
  embedded: boolean;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined> = process.env): TConfig {
  const result = ZEnvSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    const shown = env[name] === undefined ? '' : ` (got ${JSON.stringify(redact(name, env[name]!))})`;
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${shown}`);
  }
  const parsed = result.data;
  if (parsed.TELEGRAM_BOT_TOKEN && parsed.PUBLIC_URL && !parsed.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(
      'Invalid configuration: TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_BOT_TOKEN and PUBLIC_URL are set (webhook mode)',
    );
  }
  if (parsed.VK_GROUP_TOKEN && !parsed.VK_GROUP_ID) {
    throw new ConfigError('Invalid configuration: VK_GROUP_ID is required when VK_GROUP_TOKEN is set');
  }
  if (parsed.VK_GROUP_TOKEN && parsed.PUBLIC_URL && (!parsed.VK_CALLBACK_SECRET || !parsed.VK_CONFIRMATION)) {
    throw new ConfigError(
      'Invalid configuration: VK_CALLBACK_SECRET and VK_CONFIRMATION are required when VK_GROUP_TOKEN and PUBLIC_URL are set (Callback API mode)',
    );
  }
  if (parsed.MAX_BOT_TOKEN && parsed.PUBLIC_URL && !parsed.MAX_WEBHOOK_SECRET) {
    throw new ConfigError(
      'Invalid configuration: MAX_WEBHOOK_SECRET is required when MAX_BOT_TOKEN and PUBLIC_URL are set (webhook mode)',
    );
  }
  if (Boolean(parsed.ALICE_OAUTH_CLIENT_ID) !== Boolean(parsed.ALICE_OAUTH_CLIENT_SECRET)) {
    throw new ConfigError(
      'Invalid configuration: ALICE_OAUTH_CLIENT_ID and ALICE_OAUTH_CLIENT_SECRET are set together or not at all',
    );
  }
  if (Boolean(parsed.ALEXA_OAUTH_CLIENT_ID) !== Boolean(parsed.ALEXA_OAUTH_CLIENT_SECRET)) {
    throw new ConfigError(
      'Invalid configuration: ALEXA_OAUTH_CLIENT_ID and ALEXA_OAUTH_CLIENT_SECRET are set together or not at all',
    );
  }
  // One sign-in page serves both platforms and tells them apart by the client id.
  if (parsed.ALEXA_OAUTH_CLIENT_ID && parsed.ALEXA_OAUTH_CLIENT_ID === parsed.ALICE_OAUTH_CLIENT_ID) {
    throw new ConfigError('Invalid configuration: ALEXA_OAUTH_CLIENT_ID must differ from ALICE_OAUTH_CLIENT_ID');
  }
  if (parsed.LINK_CODE_PEPPER && parsed.LINK_CODE_PEPPER_FILE) {
    throw new ConfigError(
      'Invalid configuration: LINK_CODE_PEPPER and LINK_CODE_PEPPER_FILE are alternatives: set one',
    );
  }
  // A worker listens on both; port 0 (any free port) may be given to each.
  if (parsed.METRICS_PORT && parsed.METRICS_PORT === parsed.WORKER_PORT) {
    throw new ConfigError('Invalid configuration: METRICS_PORT must differ from WORKER_PORT');
  }
  const embedded = !parsed.DATABASE_URL;
  // Paths are fixed at start: the CLI and the server may run from different directories.
  const pepperFile = parsed.LINK_CODE_PEPPER_FILE && path.resolve(parsed.LINK_CODE_PEPPER_FILE);
  return {
    ...parsed,
    DATA_DIR: path.resolve(parsed.DATA_DIR),
    LINK_CODE_PEPPER_FILE: pepperFile,
    DEMO: parsed.DEMO ?? embedded,
    embedded,
  };
}

// Secrets never reach the terminal or logs, even when they are the invalid value.
function redact(name: string, value: string): string {
  return /TOKEN|SECRET|CONFIRMATION|PEPPER/.test(name) ? '***' : value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
