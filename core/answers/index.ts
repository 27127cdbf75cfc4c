export { createAnswerService, type AnswerDeps, type AnswerService } from './answer-service';
export type { TAnswer, TAnswerKind, TChannelAction, TPeriod, TStudentRef, TViewer } from './answer-types';
export { renderAnswer, stripHtml, type TChannel, type TRenderedAnswer } from './render-answer';
export { ALICE_LIMIT, fitSpeech } from './fit-speech';
export { escapeHtml, escapeXml } from './escape';
export { EN_SUBJECTS, transliterate } from './locales/en-subjects';
