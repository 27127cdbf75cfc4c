import type { LinkService } from '../core/linking';
import type { PepperCheck } from './pepper-fingerprint';

// With a pepper other than the database's, no printed code can match, and every parent's try
// would count as a wrong guess towards the brakes that pause linking for everyone. So linking
// answers "paused" instead, until the original pepper is back (or adopted: the check is read
// per try, so that takes effect without a restart). Linked chats keep working meanwhile.

const PAUSE_SECONDS = 15 * 60;

export function refuseLinkingOnPepperMismatch(linking: LinkService, check: PepperCheck): LinkService {
  return {
    ...linking,
    async startLink(chat, codeInput) {
      if (!(await check.verify()).ok) return { ok: false, reason: 'busy', retryAfterSeconds: PAUSE_SECONDS };
      return linking.startLink(chat, codeInput);
    },
    async offerLink(chat, codeInput) {
      if (!(await check.verify()).ok) return { ok: false, reason: 'busy', retryAfterSeconds: PAUSE_SECONDS };
      return linking.offerLink(chat, codeInput);
    },
    // No code could be found to void: the lookup would only count against the brakes.
    async voidPostedCode(chat, text) {
      if (!(await check.verify()).ok) return 'braked';
      return linking.voidPostedCode(chat, text);
    },
  };
}
