import { createHmac, randomBytes } from 'node:crypto';

// Log lines of one chat must be joinable (to follow a conversation through an incident) without
// naming the chat: a Telegram or VK id, an Alice or Alexa user id identifies a person, and log
// files outlive /forget. A chat's `chatRef` is HMAC-SHA256 of `<channel>:<id>` under a key of
// this deployment, cut to 12 hex digits: without the key it cannot be reversed, nor computed from
// an id someone already knows, and it names nothing in any other deployment.

/** The log reference of a chat; `channel` and `externalId` as in TChatRef. */
export type TChatLogRef = (chat: { channel: string; externalId: string }) => string;

const REF_HEX_DIGITS = 12;

/**
 * Log references under a key derived from a deployment secret (the link-code pepper), so they stay
 * the same across restarts and processes. The derivation keeps the two uses apart: a log line's
 * ref is no LinkAttempt chat key. Without a secret a key is made now: refs then match only
 * within this process.
 */
export function createChatLogRef(secret?: Uint8Array): TChatLogRef {
  const key = createHmac('sha256', secret ?? randomBytes(32))
    .update('log-chat-ref')
    .digest();
  return (chat) =>
    createHmac('sha256', key).update(`${chat.channel}:${chat.externalId}`).digest('hex').slice(0, REF_HEX_DIGITS);
}
