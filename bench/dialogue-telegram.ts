import { createBot } from '../bots/telegram';
import { createMemorySeenOnce } from '../infra/seen-once';
import { BOT_INFO, privateText, recordCalls, TEST_TOKEN } from '../test/helpers/telegram-harness';
import { russianDialogue, type TDialogueChannel } from './dialogue-channel';
import { silentLogger, type TDialogueWorld } from './dialogue-world';

// Telegram in-process: each message goes to bot.handleUpdate as the webhook hands it over, the
// bot wired as main.ts wires it, its Bot API calls answered locally (no token, no network).

const CHAT_ID = 61_500_001;

export async function telegramDialogue(world: TDialogueWorld): Promise<TDialogueChannel> {
  const { stores } = world;
  const bot = createBot({
    token: TEST_TOKEN,
    botInfo: BOT_INFO,
    answers: world.answers,
    linking: world.linking,
    settings: stores.settings,
    teacherSettings: stores.teacherSettings,
    queryContexts: stores.queryContexts,
    seenOnce: createMemorySeenOnce(),
    chats: stores.chats,
    logger: silentLogger,
    now: world.now,
  });
  const calls = recordCalls(bot);
  await world.linkSokolovs({ channel: 'telegram', externalId: String(CHAT_ID), locale: 'ru' });
  return russianDialogue('telegram', async (text) => {
    calls.length = 0;
    await bot.handleUpdate(privateText(CHAT_ID, text));
    const sent = calls.filter((c) => c.method === 'sendMessage');
    if (sent.length !== 1) throw new Error(`telegram: ${sent.length} messages sent for "${text}"`);
    return String(sent[0].payload.text);
  });
}
