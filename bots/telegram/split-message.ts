import { splitText } from '../../core/conversation';

/** Bot API limit for one message's text. */
export const MESSAGE_LIMIT = 4096;

export const splitMessage = (text: string, limit = MESSAGE_LIMIT): string[] => splitText(text, limit);
