import { hashChatKey, hashLinkCode } from './code-hash';
import { brakeVerdict, type TBrakePolicy } from './link-brakes';
import type { LinkingStore, TAttemptCounts, TStoredCode } from './linking-port';
import type { TChatRef, TStartRefusal } from './linking-types';

// Every lookup of a code goes through here: the try is counted against the chat's and the
// channel's brakes in the same atomic step that checks them (LinkingStore.claimAttempt), so
// sixty tries sent at once from one chat get five lookups, not as many as race past a count.

export type TLookup =
  | { braked: true; refusal: Extract<TStartRefusal, { reason: 'locked' | 'busy' }> }
  | {
      braked: false;
      codeHash: string;
      stored: TStoredCode | null;
      counts: TAttemptCounts;
      /** The try as counted; release() takes it back when the code turns out right. */
      release: () => Promise<void>;
    };

export interface BrakedLookupDeps {
  store: LinkingStore;
  pepper: Uint8Array;
  brakes: TBrakePolicy;
}

export function createBrakedLookup(deps: BrakedLookupDeps) {
  const { store, pepper, brakes } = deps;
  return async function lookUp(chat: TChatRef, code: string, at: Date): Promise<TLookup> {
    const chatKey = hashChatKey(pepper, chat.channel, chat.externalId);
    const claim = await store.claimAttempt(
      chat.channel,
      chatKey,
      at,
      (counts) => !brakeVerdict(counts, brakes, chat.channel, at).braked,
    );
    if (claim.attemptId === null) {
      const verdict = brakeVerdict(claim.counts, brakes, chat.channel, at);
      // claimAttempt admits exactly the tries the verdict lets through, so a refused one is braked.
      if (!verdict.braked) throw new Error('a try was refused that the brakes let through');
      return { braked: true, refusal: { reason: verdict.reason, retryAfterSeconds: verdict.retryAfterSeconds } };
    }
    const attemptId = claim.attemptId;
    const codeHash = hashLinkCode(pepper, code);
    return {
      braked: false,
      codeHash,
      stored: await store.findCode(codeHash),
      counts: claim.counts,
      release: () => store.releaseAttempt(attemptId),
    };
  };
}
