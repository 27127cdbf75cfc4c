import type { TAnswer } from './answer-types';
import { escapeXml } from './escape';
import { ALICE_LIMIT, fitSpeech } from './fit-speech';
import type { TAnswerTexts } from './locales/texts-type';
import { spokenSections } from './spoken-sections';

/** Alexa has no Russian voice: its SSML is always English. */
const SSML_LIMIT = 8000;
const LETTERS = /[A-Za-zА-Яа-яЁё]+/g;

export interface TVoiceReply {
  /** What Alice shows (and Alexa's card): plain text, ≤ 1024. */
  speech: string;
  /** Alice `tts`: stress marks and pauses, ≤ 1024. */
  tts: string;
  /** Alexa `<speak>…</speak>`. */
  ssml: string;
}

export function renderVoice(answer: TAnswer, locale: TAnswerTexts, english: TAnswerTexts): TVoiceReply {
  const sections = spokenSections(answer, locale);
  const andMore = locale.andMore;
  const speech = fitSpeech(sections, { limit: ALICE_LIMIT, joiner: ' ', andMore });
  const stress = locale.stress;
  const tts = fitSpeech(sections, {
    limit: ALICE_LIMIT,
    joiner: ' sil <[300]> ',
    andMore,
    // Alice reads "+" as a stress mark and "<[...]>" as markup: user text must not smuggle them in.
    map: (text) => text.replace(/[+<>[\]]/g, ' ').replace(LETTERS, (w) => stress[w] ?? w),
  });
  const inner = fitSpeech(spokenSections(answer, english), {
    limit: SSML_LIMIT - '<speak></speak>'.length,
    joiner: ' <break time="300ms"/> ',
    andMore: english.andMore,
    map: escapeXml,
  });
  return { speech, tts, ssml: `<speak>${inner}</speak>` };
}
