export {
  type AnswerDeps,
  type AnswerService,
  type AskOptions,
  createAnswerService,
  type TAsked,
  type TChartAnswer,
  type TChartRequest,
  type TResumeChoice,
} from './answer-service';
export type { TAnswer, TAnswerKind, TChannelAction, TPeriod, TStudentRef, TViewer } from './answer-types';
export { escapeHtml, escapeXml } from './escape';
export { ALICE_LIMIT, fitSpeech } from './fit-speech';
export { EN_SUBJECTS, transliterate } from './locales/en-subjects';
export { renderAnswer, stripHtml, type TChannel, type TRenderedAnswer } from './render-answer';
