import type { AccessReader, TViewerScope } from '../access/access-port';
import { hashChatKey, hashLinkCode } from './code-hash';
import { parseCodeInput } from './code-input';
import { CONSENT_SCOPE, consentText, CURRENT_CONSENT_VERSION, currentConsentHashes } from './consent-texts';
import { brakeVerdict, DEFAULT_BRAKES, triesLeftAfterFailure, type TBrakePolicy } from './link-brakes';
import type { LinkingStore, TActiveConsent } from './linking-port';
import type { TAcceptResult, TChatRef, TForgetResult, TLinkChannel, TPendingLink, TStartResult } from './linking-types';

// Linking a chat to a student (or teacher) with a one-time code, consent first (CONTRACT section
// 6, 152-ФЗ). startLink only reads (and counts failures): nothing about the chat is stored until
// acceptConsent, which does everything in one transaction.

export interface TChatState {
  personId: string;
  needsConsent: boolean;
  /** What the person may see, read in the same statement: handed to the answers with the viewer. */
  scope: TViewerScope;
}

export interface LinkServiceDeps {
  store: LinkingStore;
  /** Reads a chat's person, consent and scope at once. */
  access: Pick<AccessReader, 'chatViewer'>;
  /** The server-side secret codes are hashed with (see code-hash.ts). */
  pepper: Uint8Array;
  brakes?: TBrakePolicy;
  now?: () => Date;
}

export interface LinkService {
  /** Checks a typed, scanned or spoken code against the brakes and the stored codes. */
  startLink(chat: TChatRef, codeInput: string): Promise<TStartResult>;
  /**
   * Stores the person, chat, link and consent, and spends the code — all or nothing. `shownOn`
   * is where the consent was read when that is not the chat itself (a sign-in page for a voice skill).
   */
  acceptConsent(chat: TChatRef, pending: TPendingLink, consentTextVersion: string, shownOn?: TLinkChannel): Promise<TAcceptResult>;
  /** Stores nothing: the pending link is simply dropped by the caller. */
  declineConsent(chat: TChatRef, pending: TPendingLink): Promise<void>;
  personForChat(chat: TChatRef): Promise<string | null>;
  /** true when the person has no consent, or consented to a text that is no longer current. */
  needsConsent(personId: string): Promise<boolean>;
  /**
   * The person behind a chat, whether they must consent (again) before anything personal and
   * what they may see, read together: what every message in a chat needs first. null for a chat
   * not stored.
   */
  chatState(chat: TChatRef): Promise<TChatState | null>;
  /**
   * Records consent to the current text for the person behind an already linked chat (asked
   * again because the text changed). false when the chat is not linked or the version is stale.
   */
  renewConsent(chat: TChatRef, consentTextVersion: string): Promise<boolean>;
  /** Withdraws consent and deletes everything about the person behind the chat at once. */
  forget(chat: TChatRef): Promise<TForgetResult>;
  exportData(personId: string): Promise<Record<string, unknown> | null>;
}

/** Session key of a chat (ChatSession.key); channels keep the pending link and menus under it. */
export function chatSessionKey(chat: TChatRef): string {
  return `${chat.channel}:${chat.externalId}`;
}

// Computed once: the texts are constants of the build.
const CURRENT_HASHES = currentConsentHashes();

/** No consent, or consent to a text that is no longer the current one. */
function consentOutdated(consent: TActiveConsent | null): boolean {
  return !consent || consent.textVersion !== CURRENT_CONSENT_VERSION || !CURRENT_HASHES.has(consent.textHash);
}

export function createLinkService(deps: LinkServiceDeps): LinkService {
  const { store, pepper } = deps;
  const brakes = deps.brakes ?? DEFAULT_BRAKES;
  const now = deps.now ?? (() => new Date());

  return {
    async startLink(chat, codeInput) {
      const code = parseCodeInput(codeInput);
      if (!code) return { ok: false, reason: 'not_a_code' };
      const at = now();
      const chatKey = hashChatKey(pepper, chat.channel, chat.externalId);
      const counts = await store.attemptCounts(chat.channel, chatKey, at);
      const verdict = brakeVerdict(counts, brakes, at);
      if (verdict.braked) return { ok: false, reason: verdict.reason, retryAfterSeconds: verdict.retryAfterSeconds };

      const stored = await store.findCode(hashLinkCode(pepper, code));
      const refusal = !stored ? 'wrong_code' : stored.usedAt ? 'used' : stored.expiresAt <= at ? 'expired' : null;
      if (refusal || !stored) {
        // Used and expired codes count too: from outside they are as wrong as a guess.
        await store.recordFailure(chat.channel, chatKey, at);
        return { ok: false, reason: refusal ?? 'wrong_code', triesLeft: triesLeftAfterFailure(counts, brakes) };
      }
      return { ok: true, pending: { codeId: stored.id, grant: stored.grant, expiresAt: stored.expiresAt.toISOString() } };
    },

    async acceptConsent(chat, pending, consentTextVersion, shownOn) {
      if (consentTextVersion !== CURRENT_CONSENT_VERSION) return { ok: false, reason: 'consent_outdated' };
      const text = consentText(chat.locale ?? 'ru', shownOn ?? chat.channel);
      return store.redeem({
        codeId: pending.codeId,
        chat,
        consent: { textVersion: text.version, textHash: text.hash, scope: CONSENT_SCOPE },
        now: now(),
      });
    },

    async declineConsent() {
      // Deliberately nothing: declining must leave no trace of the chat.
    },

    personForChat: (chat) => store.personForChat(chat),

    needsConsent: async (personId) => consentOutdated(await store.activeConsent(personId)),

    async chatState(chat) {
      const found = await deps.access.chatViewer(chat);
      return found ? { personId: found.scope.personId, needsConsent: consentOutdated(found.consent), scope: found.scope } : null;
    },

    async renewConsent(chat, consentTextVersion) {
      if (consentTextVersion !== CURRENT_CONSENT_VERSION) return false;
      const personId = await store.personForChat(chat);
      if (!personId) return false;
      const text = consentText(chat.locale ?? 'ru', chat.channel);
      await store.recordConsent(personId, chat.channel, { textVersion: text.version, textHash: text.hash, scope: CONSENT_SCOPE }, now());
      return true;
    },

    async forget(chat) {
      const kinds = await store.forget(chat, chatSessionKey(chat), now());
      return kinds ? { forgotten: true, kinds } : { forgotten: false };
    },

    exportData: (personId) => store.exportPerson(personId),
  };
}
