// The texts are shared by every chat bot; they live with the conversation in core.
export { BOT_TEXTS, langOf, type TBotTexts } from '../../../core/conversation';
