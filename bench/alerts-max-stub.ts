import { startMaxStub } from '../test/helpers/max-stub';
import type { TStubQuestion } from './alerts-telegram-stub';

// The MAX double as bench:max's alerts meet it, in its own process (as alerts-telegram-stub.ts,
// so the benchmark's own work cannot bend its clock): at most STUB_PER_SECOND accepted messages in
// any rolling second for the token STUB_TOKEN, otherwise 429 without Retry-After (MAX documents
// neither a header nor a per-chat limit). Answers over IPC what it counted and accepted, in the
// shape the alerts audit reads (the bot named "max": one token per double).

async function main() {
  const stub = await startMaxStub({
    token: process.env.STUB_TOKEN,
    perSecond: Number(process.env.STUB_PER_SECOND ?? 30),
  });
  process.on('message', (question: TStubQuestion & { id: number }) => {
    const answer =
      question.ask === 'stats'
        ? {
            requests: stub.counts.requests,
            tooMany: stub.counts.tooMany,
            serverErrors: stub.counts.serverErrors,
            forbidden: stub.counts.forbidden,
            accepted: stub.accepted.length,
          }
        : stub.accepted.map((m) => ({ bot: 'max', chatId: m.chatId, text: m.text, at: m.at }));
    process.send?.({ id: question.id, answer });
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ port: Number(new URL(stub.apiBaseUrl).port) });
}

void main();
