import { createVkBot } from '../bots/vk';
import { GROUP_ID, messageNew, VK_TOKEN } from '../test/helpers/vk-harness';
import { russianDialogue, type TDialogueChannel } from './dialogue-channel';
import { silentLogger, type TDialogueWorld } from './dialogue-world';
import { answerVkLocally } from './vk-local-api';

// VK in-process: each message is a Callback API event handed to bot.handle as the inbox worker
// hands it over, the bot wired as main.ts wires it, its VK API calls answered locally.

const PEER_ID = 730_500_001;

export async function vkDialogue(world: TDialogueWorld): Promise<TDialogueChannel> {
  const { stores } = world;
  const bot = createVkBot({
    token: VK_TOKEN,
    groupId: GROUP_ID,
    // Never reached: the calls are answered before vk-io would send them.
    apiBaseUrl: 'https://api.vk.invalid/method',
    answers: world.answers,
    linking: world.linking,
    settings: stores.settings,
    teacherSettings: stores.teacherSettings,
    queryContexts: stores.queryContexts,
    chats: stores.chats,
    logger: silentLogger,
    now: world.now,
  });
  const calls = answerVkLocally(bot.api);
  await world.linkSokolovs({ channel: 'vk', externalId: String(PEER_ID), locale: 'ru' });
  return russianDialogue(
    'vk',
    async (text) => {
      calls.length = 0;
      await bot.handle(messageNew(PEER_ID, text));
      const sent = calls.filter((c) => c.method === 'messages.send');
      if (sent.length !== 1) throw new Error(`vk: ${sent.length} messages sent for "${text}"`);
      return String(sent[0].params.message);
    },
    () => bot.stop(),
  );
}
