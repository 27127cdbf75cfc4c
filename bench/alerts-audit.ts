import type { Client } from 'pg';
import type { TAcceptedMessage } from '../test/helpers/telegram-stub';
import { percentile } from './bench-support';

// What a bench:alerts run delivered, read from the database (what the pipeline planned and
// recorded) and from the Telegram stub (what actually arrived), compared message by message.

export interface TPipelineState {
  unplannedFacts: number;
  uncomposedItems: number;
  messages: number;
  /** Messages not yet sent, dropped or failed. */
  open: number;
  sending: number;
  sent: number;
}

export async function pipelineState(db: Client): Promise<TPipelineState> {
  const { rows } = await db.query<TPipelineState>(
    `SELECT (SELECT count(*)::int FROM "Outbox" WHERE "processedAt" IS NULL) AS "unplannedFacts",
            (SELECT count(*)::int FROM "AlertItem" WHERE "messageId" IS NULL) AS "uncomposedItems",
            (SELECT count(*)::int FROM "AlertMessage") AS messages,
            (SELECT count(*)::int FROM "AlertMessage" WHERE status NOT IN ('sent', 'dropped', 'failed')) AS open,
            (SELECT count(*)::int FROM "AlertMessage" WHERE status = 'sending') AS sending,
            (SELECT count(*)::int FROM "AlertMessage" WHERE status = 'sent') AS sent`,
  );
  return rows[0];
}

export interface TAudit {
  items: number;
  messages: number;
  accepted: number;
  /** Planned alerts (grade × chat) missing from the store, or whose message never reached the stub. */
  lostItems: number;
  lostMessages: number;
  /** Messages the stub accepted more often than the store recorded them as sent. */
  duplicates: number;
  notSent: Record<string, number>;
  /** Ingestion → send of the first `firstN` messages sent, ms. */
  firstLatency: { n: number; p50: number; p99: number; max: number };
}

export async function auditRun(
  db: Client,
  accepted: TAcceptedMessage[],
  expectedItems: number,
  firstN: number,
): Promise<TAudit> {
  const { rows } = await db.query<{
    chatId: string;
    text: string;
    status: string;
    itemCount: number;
    latencyMs: number | null;
  }>(
    `SELECT c."externalId" AS "chatId", m.text, m.status, m."itemCount",
            (extract(epoch FROM m."sentAt" - m."ingestedAt") * 1000)::float8 AS "latencyMs"
     FROM "AlertMessage" m JOIN "Chat" c ON c.id = m."chatId" ORDER BY m."sentAt" NULLS LAST, m.id`,
  );
  const [{ items }] = (await db.query<{ items: number }>(`SELECT count(*)::int AS items FROM "AlertItem"`)).rows;
  const key = (chatId: string, text: string) => `${chatId}\u0000${text}`;
  const arrived = new Map<string, number>();
  for (const m of accepted) arrived.set(key(m.chatId, m.text), (arrived.get(key(m.chatId, m.text)) ?? 0) + 1);
  const recorded = new Map<string, { n: number; items: number }>();
  const notSent: Record<string, number> = {};
  for (const r of rows) {
    const k = key(r.chatId, r.text);
    const entry = recorded.get(k) ?? { n: 0, items: 0 };
    entry.n++;
    entry.items += r.itemCount;
    recorded.set(k, entry);
    if (r.status !== 'sent') notSent[r.status] = (notSent[r.status] ?? 0) + 1;
  }
  let lostMessages = 0;
  let lostItems = Math.max(0, expectedItems - items);
  for (const [k, { n, items: count }] of recorded) {
    const missing = Math.max(0, n - (arrived.get(k) ?? 0));
    lostMessages += missing;
    if (missing > 0) lostItems += Math.round((count * missing) / n);
  }
  let duplicates = 0;
  for (const [k, n] of arrived) duplicates += Math.max(0, n - (recorded.get(k)?.n ?? 0));
  const latencies = rows
    .filter((r) => r.status === 'sent' && r.latencyMs !== null)
    .slice(0, firstN)
    .map((r) => r.latencyMs!)
    .sort((a, b) => a - b);
  return {
    items,
    messages: rows.length,
    accepted: accepted.length,
    lostItems,
    lostMessages,
    duplicates,
    notSent,
    firstLatency: {
      n: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? NaN,
    },
  };
}

/** Accepted messages per second over the whole sending span, and over its middle 90 % (without the start and the tail). */
export function sendRates(accepted: TAcceptedMessage[]): { overall: number; middle: number; spanS: number } {
  const times = accepted.map((m) => m.at).sort((a, b) => a - b);
  if (times.length < 2) return { overall: NaN, middle: NaN, spanS: 0 };
  const spanS = (times[times.length - 1] - times[0]) / 1000;
  const lo = Math.floor(times.length * 0.05);
  const hi = Math.floor(times.length * 0.95);
  return { overall: (times.length - 1) / spanS, middle: (hi - lo) / ((times[hi] - times[lo]) / 1000), spanS };
}

/**
 * How the send rate rose, from the double's records: the most messages accepted in any rolling
 * second (the double's own window, so a value above `perSecond` would mean it let one too many
 * through), and the seconds from the first send until a rolling second first held `share` of
 * `perSecond` (NaN when it never did).
 */
export function sendRamp(
  accepted: TAcceptedMessage[],
  perSecond: number,
  share = 0.9,
): { peakPerSecond: number; reachS: number } {
  const times = accepted.map((m) => m.at).sort((a, b) => a - b);
  let peakPerSecond = 0;
  let reachS = NaN;
  for (let j = 0, i = 0; j < times.length; j++) {
    while (times[i] <= times[j] - 1000) i++;
    const inSecond = j - i + 1;
    peakPerSecond = Math.max(peakPerSecond, inSecond);
    if (Number.isNaN(reachS) && inSecond >= share * perSecond) reachS = (times[j] - times[0]) / 1000;
  }
  return { peakPerSecond, reachS };
}
