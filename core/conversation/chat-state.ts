import type { TChatState } from '../linking';
import type { TTurn } from './conversation-types';

/** A turn's person, consent and scope, read once (one statement) however often the conversation asks. */
export function memoisedChatState(
  channel: string,
  read: () => Promise<TChatState | null>,
): Pick<TTurn, 'personId' | 'needsConsent' | 'viewer'> {
  let state: Promise<TChatState | null> | undefined;
  const once = () => (state ??= read());
  return {
    personId: async () => (await once())?.personId ?? null,
    needsConsent: async () => (await once())?.needsConsent ?? false,
    viewer: async () => {
      const found = await once();
      return found ? { personId: found.personId, channel, scope: found.scope } : null;
    },
  };
}
