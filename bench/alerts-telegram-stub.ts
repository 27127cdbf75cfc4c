import { startTelegramStub } from '../test/helpers/telegram-stub';

// The Telegram stub as bench:alerts meets it, in its own process (so the benchmark's own work
// cannot stall it and bend its clock): at most STUB_PER_SECOND accepted messages per bot in any
// rolling second and one per chat per second, otherwise 429 with retry_after, like Telegram.
// Started by bench/alerts-support.ts with `node -r tsx/cjs`; tells its port over IPC, and answers
// there what it counted and which messages it accepted.

export type TStubQuestion = { ask: 'stats' } | { ask: 'accepted'; bot: string };

async function main() {
  const stub = await startTelegramStub({ perSecond: Number(process.env.STUB_PER_SECOND ?? 30), perChatGapMs: 1000 });
  process.on('message', (question: TStubQuestion & { id: number }) => {
    const answer =
      question.ask === 'stats'
        ? { ...stub.counts, accepted: stub.accepted.length }
        : stub.accepted.filter((m) => m.bot === question.bot);
    process.send?.({ id: question.id, answer });
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ port: Number(new URL(stub.apiRoot).port) });
}

void main();
