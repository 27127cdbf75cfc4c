import { DIALOGUE_RU } from './dialogue-lines';

// One channel as the dialogue benchmark drives it: the n-th turn of the running dialogue, or the
// whole question that turn stands for, asked on its own in the same chat (or voice session user)
// by the same linked person. Each returns what the person is shown or told.

export interface TDialogueChannel {
  name: string;
  turns: number;
  followUp(turn: number): Promise<string>;
  alone(turn: number): Promise<string>;
  close?(): Promise<void>;
}

/**
 * A channel people type or say Russian text to. `ask` gets the text and whether it continues the
 * dialogue: a chat keeps the previous question itself (in the database), a voice skill is handed
 * it in the platform's session, which a question asked on its own comes without.
 */
export function russianDialogue(
  name: string,
  ask: (text: string, continues: boolean) => Promise<string>,
  close?: () => Promise<void>,
): TDialogueChannel {
  return {
    name,
    turns: DIALOGUE_RU.length,
    followUp: (turn) => ask(DIALOGUE_RU[turn][0], true),
    alone: (turn) => ask(DIALOGUE_RU[turn][1], false),
    close,
  };
}
