import { createAliceSkill } from '../skills/alice';
import { russianDialogue, type TDialogueChannel } from './dialogue-channel';
import type { TDialogueWorld } from './dialogue-world';
import { aliceRequest, overTheWire } from './voice-requests';

// Alice in-process: each utterance is a webhook body handed to the skill as its route hands it
// over (parsed JSON in, JSON out). The previous question travels in Yandex's session state, so
// the dialogue's turns carry the state of the answer before; a question on its own comes without.

const SKILL_ID = 'bench-alice-skill';
const USER_ID = 'bench-alice-sokolov';

export async function aliceDialogue(world: TDialogueWorld): Promise<TDialogueChannel> {
  const skill = createAliceSkill({
    skillId: SKILL_ID,
    answers: world.answers,
    linking: world.linking,
    timezone: world.timezone,
    now: world.now,
  });
  await world.linkSokolovs({ channel: 'alice', externalId: USER_ID, locale: 'ru' });
  let state: unknown = {};
  let messageId = 0;
  return russianDialogue('alice', async (command, continues) => {
    const body = aliceRequest({
      skillId: SKILL_ID,
      userId: USER_ID,
      sessionId: 'bench-dialogue',
      messageId: ++messageId,
      command,
      state: continues ? state : {},
    });
    const reply = overTheWire(await skill.handle(overTheWire(body)));
    if (continues) state = reply.session_state;
    return reply.response.text;
  });
}
