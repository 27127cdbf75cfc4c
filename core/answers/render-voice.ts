import type { TAnswer } from './answer-types';
import { escapeXml } from './escape';
import { ALICE_LIMIT, type FitOptions, fitSpeech, itemsThatFit } from './fit-speech';
import type { TAnswerTexts } from './locales/texts-type';
import { spokenSections } from './spoken-sections';

/** Alexa has no Russian voice: its SSML is always English. */
const SSML_LIMIT = 8000;
const LETTERS = /[A-Za-zА-Яа-яЁё]+/g;

export interface TVoiceReply {
  /** What Alice shows (and Alexa's card): plain text with digits, ≤ 1024. */
  speech: string;
  /** Alice `tts`: the same facts with numbers in words, stress marks and pauses, ≤ 1024. */
  tts: string;
  /** Alexa `<speak>…</speak>`. */
  ssml: string;
}

export function renderVoice(answer: TAnswer, locale: TAnswerTexts, english: TAnswerTexts): TVoiceReply {
  const shown = spokenSections(answer, locale, 'shown');
  const spoken = spokenSections(answer, locale, 'spoken');
  const stress = locale.stress;
  const speechOptions: FitOptions = {
    limit: ALICE_LIMIT,
    joiner: ' ',
    andMore: (n) => locale.andMore(n, 'digits'),
  };
  const ttsOptions: FitOptions = {
    limit: ALICE_LIMIT,
    joiner: ' sil <[300]> ',
    andMore: (n) => locale.andMore(n, 'words'),
    // Alice reads "+" as a stress mark and "<[...]>" as markup: user text must not smuggle them in.
    map: (text) => text.replace(/[+<>[\]]/g, ' ').replace(LETTERS, (w) => stress[w] ?? w),
  };
  // What Alice shows and what she says must name the same items, though the spoken form is longer.
  const maxItems = Math.min(itemsThatFit(shown, speechOptions), itemsThatFit(spoken, ttsOptions));
  const inner = fitSpeech(spokenSections(answer, english, 'spoken-english'), {
    limit: SSML_LIMIT - '<speak></speak>'.length,
    joiner: ' <break time="300ms"/> ',
    andMore: (n) => english.andMore(n, 'words'),
    map: escapeXml,
  });
  return {
    speech: fitSpeech(shown, { ...speechOptions, maxItems }),
    tts: fitSpeech(spoken, { ...ttsOptions, maxItems }),
    ssml: `<speak>${inner}</speak>`,
  };
}
