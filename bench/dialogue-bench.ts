import { performance } from 'node:perf_hooks';
import type { Database } from '../prisma/db/database';
import { fmt, percentile } from './bench-support';
import { alexaDialogue } from './dialogue-alexa';
import { aliceDialogue } from './dialogue-alice';
import type { TDialogueChannel } from './dialogue-channel';
import { DIALOGUE_RU } from './dialogue-lines';
import { playgroundDialogue } from './dialogue-playground';
import { telegramDialogue } from './dialogue-telegram';
import { vkDialogue } from './dialogue-vk';
import { dialogueWorld, type TDialogueWorld } from './dialogue-world';

// The dialogue part of bench:answer: per channel, the dialogue of ./dialogue-lines.ts asked
// DIALOGUES times, each turn followed at once by the whole question it stands for, asked on its
// own in the same channel by the same person: the two meet the same moment's load on a shared
// machine, and the whole question leaves a chat's remembered question where the turn left it
// (it also finds what the turn read still in the caches: if anything, in the single's favour).
// Target: a turn costs no more than 1.2× the single question, at p50 and at p99.

const DIALOGUES = Number(process.env.BENCH_DIALOGUES ?? 200);
const WARM_DIALOGUES = Number(process.env.BENCH_WARM_DIALOGUES ?? 20);
/** BENCH_DIALOGUE_TURNS=1 adds each turn's p50 next to its single question's. */
const PER_TURN = process.env.BENCH_DIALOGUE_TURNS === '1';
const TARGET = 1.2;

const CHANNELS: Record<string, (world: TDialogueWorld) => Promise<TDialogueChannel>> = {
  telegram: telegramDialogue,
  vk: vkDialogue,
  playground: playgroundDialogue,
  alice: aliceDialogue,
  alexa: alexaDialogue,
};
/** BENCH_DIALOGUE_CHANNELS=telegram,alice measures only those. */
const CHOSEN = process.env.BENCH_DIALOGUE_CHANNELS?.split(',') ?? Object.keys(CHANNELS);

/** Milliseconds per turn, one entry per round. */
type TTimes = number[][];

async function timed(ask: () => Promise<string>, into: number[]): Promise<string> {
  const t = performance.now();
  const reply = await ask();
  into.push(performance.now() - t);
  return reply;
}

async function accessLogRows(db: Database): Promise<number> {
  return (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AccessLog"`))[0].n;
}

async function rounds(channel: TDialogueChannel, count: number) {
  const fresh = (): TTimes => Array.from({ length: channel.turns }, () => []);
  const followed = fresh();
  const alone = fresh();
  for (let round = 0; round < count; round++)
    for (let turn = 0; turn < channel.turns; turn++) {
      const reply = await timed(() => channel.followUp(turn), followed[turn]);
      const whole = await timed(() => channel.alone(turn), alone[turn]);
      // A follow-up must answer what its whole question answers, or the run measured something else.
      if (reply !== whole)
        throw new Error(
          `${channel.name}: turn ${turn + 1} answered differently from its whole question:\n` +
            `  follow-up: ${reply.slice(0, 200)}\n  alone:     ${whole.slice(0, 200)}`,
        );
    }
  return { followed, alone };
}

const sorted = (ms: number[]) => ms.slice().sort((a, b) => a - b);
const pair = (p50: number, p99: number) => `p50 ${fmt(p50, 2).padStart(5)} ms  p99 ${fmt(p99, 2).padStart(5)} ms`;

async function measureChannel(world: TDialogueWorld, channel: TDialogueChannel): Promise<string[]> {
  await rounds(channel, WARM_DIALOGUES);
  const rowsBefore = await accessLogRows(world.db);
  const { followed, alone } = await rounds(channel, DIALOGUES);
  // Every question here reads a diary: fewer access-log rows than questions means refusals or prompts were measured.
  const asked = 2 * DIALOGUES * channel.turns;
  const rows = (await accessLogRows(world.db)) - rowsBefore;
  if (rows < asked) throw new Error(`${channel.name}: ${rows} access-log rows for ${asked} questions`);
  const turns = sorted(followed.flat());
  const singles = sorted(alone.flat());
  const r50 = percentile(turns, 50) / percentile(singles, 50);
  const r99 = percentile(turns, 99) / percentile(singles, 99);
  const met = r50 <= TARGET && r99 <= TARGET;
  const lines = [
    `  ${channel.name.padEnd(10)} turn ${pair(percentile(turns, 50), percentile(turns, 99))}   ` +
      `single ${pair(percentile(singles, 50), percentile(singles, 99))}   ` +
      `turn/single p50 ${fmt(r50, 2)}× p99 ${fmt(r99, 2)}×  ${met ? 'met' : 'MISSED'}`,
  ];
  if (PER_TURN)
    for (let turn = 0; turn < channel.turns; turn++) {
      const f = sorted(followed[turn]);
      const a = sorted(alone[turn]);
      lines.push(
        `      turn ${String(turn + 1).padStart(2)}: p50 ${fmt(percentile(f, 50), 2)} ms, alone ${fmt(percentile(a, 50), 2)} ms`,
      );
    }
  return lines;
}

export async function measureDialogues(db: Database, label: string, timezone: string, now: Date) {
  const world = dialogueWorld(db, timezone, now);
  process.stdout.write(
    `${label.padEnd(10)} dialogues: ${fmt(DIALOGUES)} × ${DIALOGUE_RU.length} turns per channel, each turn next to its ` +
      `whole question asked alone by the same person  (target: turn ≤ ${TARGET}× single at p50 and p99)\n`,
  );
  for (const name of CHOSEN) {
    const build = CHANNELS[name];
    if (!build) throw new Error(`no channel "${name}" (BENCH_DIALOGUE_CHANNELS): ${Object.keys(CHANNELS).join(', ')}`);
    const channel = await build(world);
    try {
      process.stdout.write(`${(await measureChannel(world, channel)).join('\n')}\n`);
    } finally {
      await channel.close?.();
    }
  }
}
