// What log lines may say about a chat: a keyed reference, never the platform's id.
export { createChatLogRef, type TChatLogRef } from './chat-log-ref';
