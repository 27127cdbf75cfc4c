import type { RequestEnvelope } from 'ask-sdk-model';
import { createAlexaSkill } from '../skills/alexa';
import type { TDialogueChannel } from './dialogue-channel';
import { DIALOGUE_ALEXA, type TAlexaIntent } from './dialogue-lines';
import type { TDialogueWorld } from './dialogue-world';
import { alexaIntentRequest, overTheWire } from './voice-requests';

// Alexa in-process: each intent is a request envelope handed to the skill as its route hands it
// over (after the adapter's checks). The previous question travels in Alexa's session
// attributes, so the dialogue's turns carry the attributes of the answer before; a question on
// its own comes without.

const SKILL_ID = 'amzn1.ask.skill.bench-dialogue';
const USER_ID = 'amzn1.ask.account.bench-sokolov';

export async function alexaDialogue(world: TDialogueWorld): Promise<TDialogueChannel> {
  const skill = createAlexaSkill({
    skillId: SKILL_ID,
    answers: world.answers,
    linking: world.linking,
    timezone: world.timezone,
    now: world.now,
  });
  await world.linkSokolovs({ channel: 'alexa', externalId: USER_ID, locale: 'en' });
  let attributes: Record<string, unknown> = {};
  let requestId = 0;
  const ask = async (intent: TAlexaIntent, continues: boolean) => {
    const envelope = alexaIntentRequest({
      skillId: SKILL_ID,
      userId: USER_ID,
      sessionId: 'bench-dialogue',
      requestId: `r-${++requestId}`,
      intent: intent.name,
      slots: intent.slots,
      attributes: continues ? attributes : {},
    });
    const reply = overTheWire(await skill.invoke(overTheWire(envelope) as unknown as RequestEnvelope));
    if (continues) attributes = reply.sessionAttributes ?? {};
    const speech = reply.response.outputSpeech;
    return speech?.type === 'SSML' ? speech.ssml : '';
  };
  return {
    name: 'alexa',
    turns: DIALOGUE_ALEXA.length,
    followUp: (turn) => ask(DIALOGUE_ALEXA[turn][0], true),
    alone: (turn) => ask(DIALOGUE_ALEXA[turn][1], false),
  };
}
