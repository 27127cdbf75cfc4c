import type { TChatState } from '../linking';
import type { TTurn } from './conversation-types';

/** A turn's person and consent, read once (one statement) however often the conversation asks. */
export function memoisedChatState(read: () => Promise<TChatState | null>): Pick<TTurn, 'personId' | 'needsConsent'> {
  let state: Promise<TChatState | null> | undefined;
  const once = () => (state ??= read());
  return { personId: async () => (await once())?.personId ?? null, needsConsent: async () => (await once())?.needsConsent ?? false };
}
