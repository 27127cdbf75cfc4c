import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { CURRENT_CONSENT_VERSION, createLinkService, type TChatRef } from '../core/linking';
import { openDatabase } from '../prisma/db/database';
import { createReadModel } from '../prisma/stores/diary/read-model';
import { createLinkingStore } from '../prisma/stores/linking/linking-store';

// Benchmarks ask as linked, consenting people, linked the way the product links them: codes from
// `dnevnik codes`, redeemed with consent to the current text. A chat row written behind the
// product's back would have no valid consent, and every question would be answered with the
// consent text instead of the diary.

export const BENCH_PEPPER = 'bench-link-code-pepper-0123456789abcdef';
const run = promisify(execFile);

/** `count` link codes for pupils of the demo school, from `dnevnik codes` as a school would print them. */
export async function issueCodes(databaseUrl: string, count: number): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const classes = (await client.query<{ id: string }>(`SELECT id FROM "SchoolClass" ORDER BY id`)).rows.map(
    (r) => r.id,
  );
  await client.end();
  if (classes.length === 0) throw new Error('no classes to issue codes for: is the demo school loaded?');
  const codes: string[] = [];
  // Each run of `codes --class` gives one more code per pupil (a second guardian's letter).
  for (let round = 0; codes.length < count; round++) {
    const { stdout } = await run(
      process.execPath,
      [
        path.join(__dirname, '..', 'bin', 'dnevnik.js'),
        'codes',
        '--class',
        classes[round % classes.length],
        '--format',
        'csv',
      ],
      {
        // `codes` prints letters only for a configured channel; the bot's name is all it needs here.
        env: {
          TELEGRAM_BOT_USERNAME: 'dnevnik_bench_bot',
          ...process.env,
          DATABASE_URL: databaseUrl,
          LINK_CODE_PEPPER: BENCH_PEPPER,
          LOG_LEVEL: 'warn',
        },
      },
    );
    // Column 1 is the code as printed ("4815 2604 7391"); the header line has none.
    for (const line of stdout.split('\n').slice(1))
      if (/^"?\d{4} \d{4} \d{4}/.test(line)) codes.push(line.replace(/^"/, '').slice(0, 14).replace(/ /g, ''));
  }
  return codes.slice(0, count);
}

/** Redeems one code per chat with consent to the current text, through the linking service the bots use. */
export async function linkChatsByCode(databaseUrl: string, chats: TChatRef[]): Promise<void> {
  const codes = await issueCodes(databaseUrl, chats.length);
  const db = await openDatabase({ databaseUrl, poolSize: 2 });
  try {
    const linking = createLinkService({
      store: createLinkingStore(db),
      access: createReadModel(db, 'Europe/Moscow').access,
      pepper: Buffer.from(BENCH_PEPPER, 'utf8'),
    });
    for (const [i, chat] of chats.entries()) {
      const started = await linking.startLink(chat, codes[i]);
      if (!started.ok) throw new Error(`link code refused for a benchmark chat: ${started.reason}`);
      const accepted = await linking.acceptConsent(chat, started.pending, CURRENT_CONSENT_VERSION);
      if (!accepted.ok) throw new Error(`consent not recorded for a benchmark chat: ${accepted.reason}`);
    }
  } finally {
    await db.close();
  }
}
