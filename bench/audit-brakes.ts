import { DEFAULT_BRAKES } from '../core/linking/link-brakes';
import { createLinkService } from '../core/linking/link-service';
import type { LinkingStore } from '../core/linking/linking-port';
import type { TChatRef, TLinkChannel } from '../core/linking/linking-types';
import { openDatabase } from '../prisma/db/database';
import { applyMigrations } from '../prisma/db/migrate';
import { createReadModel } from '../prisma/stores/diary/read-model';
import { createLinkingStore } from '../prisma/stores/linking/linking-store';
import { createScratchDatabase, fmt, requireEnv } from './bench-support';

// npm run audit:brakes — N wrong link codes fired at once through the real linking service on
// PostgreSQL (a pool of connections, as the server runs it), against each brake: one chat's
// (Telegram; the sign-in page's per-IP key) and each channel's budget (N chats of one channel).
// Reports how many codes were actually looked up against the brake's limit. Each scenario runs an
// hour after the previous one, so no scenario spends another's budget.
// Target: looked up ≤ limit for every brake.

const N = Number(process.env.AUDIT_BRAKES_N ?? 60);
const POOL = Number(process.env.AUDIT_BRAKES_POOL ?? 10);
const PEPPER = Buffer.from('audit-brakes-pepper-0123456789abcdef', 'utf8');
const WRONG = '1111 2222 3333';
const CHANNELS: TLinkChannel[] = ['telegram', 'vk', 'max', 'alice', 'alexa', 'web'];

interface TScenario {
  brake: string;
  who: string;
  chats: TChatRef[];
  limit: number;
}

function scenarios(): TScenario[] {
  const one = (channel: TLinkChannel, id: string) =>
    Array.from({ length: N }, (): TChatRef => ({ channel, externalId: id }));
  // One chat meets its own brake and its channel's minute budget: whichever is lower holds.
  const perChat = (channel: TLinkChannel) =>
    Math.min(DEFAULT_BRAKES.perChatPerHour, DEFAULT_BRAKES.perChannel[channel].perMinute);
  const many = (channel: TLinkChannel) =>
    Array.from({ length: N }, (_, i): TChatRef => ({ channel, externalId: `${channel}-chat-${i}` }));
  return [
    { brake: 'per chat', who: 'telegram, one chat', chats: one('telegram', '51234567'), limit: perChat('telegram') },
    { brake: 'per chat', who: 'sign-in page, one IP', chats: one('web', '203.0.113.7'), limit: perChat('web') },
    ...CHANNELS.map((channel) => ({
      brake: 'per channel',
      who: `${channel}, ${N} chats`,
      chats: many(channel),
      limit: DEFAULT_BRAKES.perChannel[channel].perMinute,
    })),
  ];
}

async function main() {
  const scratch = await createScratchDatabase(requireEnv('DATABASE_URL'), 'dnevnik_brakes');
  const db = await openDatabase({ databaseUrl: scratch.url, poolSize: POOL });
  try {
    await db.sql.session((sql) => applyMigrations(sql));
    const store = createLinkingStore(db);
    let lookups = 0;
    const counting: LinkingStore = {
      ...store,
      findCode: (codeHash) => {
        lookups += 1;
        return store.findCode(codeHash);
      },
    };
    const base = Date.now();
    const lines = [
      `audit:brakes — ${N} wrong link codes at once per brake, through the linking service on PostgreSQL (pool of ${POOL})`,
    ];
    let met = true;
    for (const [i, scenario] of scenarios().entries()) {
      // Three hours apart: older tries count for no brake.
      const at = new Date(base + i * 3 * 3_600_000);
      const linking = createLinkService({
        store: counting,
        access: createReadModel(db, 'Europe/Moscow').access,
        pepper: PEPPER,
        now: () => at,
      });
      lookups = 0;
      const started = performance.now();
      const results = await Promise.all(scenario.chats.map((chat) => linking.startLink(chat, WRONG)));
      const ms = performance.now() - started;
      const braked = results.filter((r) => !r.ok && (r.reason === 'locked' || r.reason === 'busy')).length;
      met &&= lookups <= scenario.limit;
      lines.push(
        `  ${scenario.brake.padEnd(11)} ${scenario.who.padEnd(22)} ${fmt(scenario.chats.length)} tried, ${fmt(lookups)} looked up (limit ${scenario.limit}): ` +
          `${fmt(lookups / scenario.limit, 2)} of the limit; ${fmt(braked)} braked; ${fmt(ms)} ms`,
      );
    }
    lines.push(`  target: looked up ≤ limit for every brake — ${met ? 'MET' : 'NOT MET'}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    if (!met) process.exitCode = 1;
  } finally {
    await db.close();
    await scratch.drop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
