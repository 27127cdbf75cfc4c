import type { TChatRef } from '../linking';

/**
 * Whether a chat can be written to. A platform saying "the user blocked us" or "forbids messages"
 * marks it inactive, so neither replies nor alerts keep hammering it; the user writing again (or
 * allowing messages) makes it active. Chats that are not stored (no consent yet) are ignored.
 */
export interface ChatStatusStore {
  setActive(chat: TChatRef, active: boolean): Promise<void>;
}
