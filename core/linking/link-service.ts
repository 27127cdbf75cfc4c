import type { AccessReader, TViewerScope } from '../access/access-port';
import { createBrakedLookup } from './braked-lookup';
import { hashLinkCode } from './code-hash';
import { parseCodeInput } from './code-input';
import {
  audienceOfRole,
  audienceOfScope,
  CONSENT_SCOPE,
  CURRENT_CONSENT_VERSION,
  consentText,
  currentConsentHashes,
} from './consent-texts';
import { DEFAULT_BRAKES, type TBrakePolicy, triesLeftAfterFailure } from './link-brakes';
import type { LinkingStore, TActiveConsent } from './linking-port';
import type {
  TAcceptResult,
  TChatRef,
  TForgetResult,
  TLinkChannel,
  TOfferResult,
  TPendingAcceptResult,
  TPendingLink,
  TPostedCodeResult,
  TStartResult,
} from './linking-types';
import { newPendingHandle, PENDING_LINK_TTL_MS } from './pending-handle';
import { pupilMayLink } from './pupil-gate';

// Linking a chat to a student (or teacher) with a one-time code, consent first (README "Link
// codes and the odds of guessing one"; 152-ФЗ). startLink only reads (and counts failures):
// nothing about the person is stored until acceptConsent, which does everything in one
// transaction. Meanwhile offerLink keeps the code's hash and the chat in a PendingLink for 15
// minutes, so no button or voice session carries a code.

export interface TChatState {
  personId: string;
  needsConsent: boolean;
  /** What the person may see, read in the same statement: handed to the answers with the viewer. */
  scope: TViewerScope;
}

/** The consent questions a chat has open (pending links): none, one (its handle), or several. */
export type TOpenConsent = { kind: 'none' } | { kind: 'one'; handle: string } | { kind: 'several' };

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
  acceptConsent(
    chat: TChatRef,
    pending: TPendingLink,
    consentTextVersion: string,
    shownOn?: TLinkChannel,
  ): Promise<TAcceptResult>;
  /** Stores nothing: the pending link is simply dropped by the caller. */
  declineConsent(chat: TChatRef, pending: TPendingLink): Promise<void>;
  /**
   * startLink for a chat that asks for consent in a later message (a button, a voice answer): the
   * checked code is held in a PendingLink for 15 minutes under the returned handle, which is all
   * the button or the voice session carries.
   */
  offerLink(chat: TChatRef, codeInput: string): Promise<TOfferResult>;
  /** acceptConsent for the code held under `handle` in this chat; the pending link is spent either way. */
  acceptPending(chat: TChatRef, handle: string, consentTextVersion: string): Promise<TPendingAcceptResult>;
  /** Decline: the pending link under `handle` is deleted, nothing else was ever stored. */
  declinePending(chat: TChatRef, handle: string): Promise<void>;
  /**
   * The consent questions open in this chat, for «да» or «нет» typed instead of tapping: the
   * handle of its one live pending link, 'none', or 'several' (two codes sent, and words cannot say
   * which one they answer).
   */
  openConsent(chat: TChatRef): Promise<TOpenConsent>;
  /**
   * A code seen where several people read (a group chat): looked up like any other try (it counts
   * against the brakes) and, if it is a live code, made void at once so it can never be redeemed.
   */
  voidPostedCode(chat: TChatRef, text: string): Promise<TPostedCodeResult>;
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

/** Session key of a chat (ChatSession.key); channels keep their session state under it. */
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
  const lookUp = createBrakedLookup({ store, pepper, brakes });

  const service: LinkService = {
    async startLink(chat, codeInput) {
      const code = parseCodeInput(codeInput);
      if (!code) return { ok: false, reason: 'not_a_code' };
      const at = now();
      const found = await lookUp(chat, code, at);
      if (found.braked) return { ok: false, ...found.refusal };
      const { stored, counts } = found;
      const refusal = !stored ? 'wrong_code' : stored.usedAt ? 'used' : stored.expiresAt <= at ? 'expired' : null;
      // Used and expired codes stay counted: from outside they are as wrong as a guess.
      if (refusal || !stored)
        return { ok: false, reason: refusal ?? 'wrong_code', triesLeft: triesLeftAfterFailure(counts, brakes) };
      await found.release();
      if (!(await pupilMayLink(store, stored.grant))) return { ok: false, reason: 'guardian_first' };
      return {
        ok: true,
        pending: { codeId: stored.id, grant: stored.grant, expiresAt: stored.expiresAt.toISOString() },
      };
    },

    async offerLink(chat, codeInput) {
      const started = await service.startLink(chat, codeInput);
      if (!started.ok) return started;
      const handle = newPendingHandle();
      const expiresAt = new Date(
        Math.min(now().getTime() + PENDING_LINK_TTL_MS, Date.parse(started.pending.expiresAt)),
      );
      // startLink found the code, so the input parses: the hash is the one just looked up.
      const codeHash = hashLinkCode(pepper, parseCodeInput(codeInput) ?? '');
      await store.savePending({
        handle,
        codeHash,
        chat: { channel: chat.channel, externalId: chat.externalId },
        expiresAt,
      });
      return { ok: true, handle, grant: started.pending.grant };
    },

    async acceptConsent(chat, pending, consentTextVersion, shownOn) {
      if (consentTextVersion !== CURRENT_CONSENT_VERSION) return { ok: false, reason: 'consent_outdated' };
      if (!(await pupilMayLink(store, pending.grant))) return { ok: false, reason: 'guardian_first' };
      // The sign-in page shows its text before the code is known: the adult one, which it records.
      const audience = shownOn === 'web' ? 'adult' : audienceOfRole(pending.grant.role);
      // A sign-in page's text names the platform of the skill it links: the chat's own channel.
      const signInFor = chat.channel === 'alexa' ? 'alexa' : 'alice';
      const text = consentText(chat.locale ?? 'ru', shownOn ?? chat.channel, audience, signInFor);
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

    async acceptPending(chat, handle, consentTextVersion) {
      const held = await store.takePending(chat, handle, now());
      if (!held) return { ok: false, reason: 'pending_expired' };
      const stored = await store.findCode(held.codeHash);
      if (!stored) return { ok: false, reason: 'not_found' };
      // The same acceptance as any other: the code row is checked again inside the redeeming transaction.
      return service.acceptConsent(
        chat,
        { codeId: stored.id, grant: stored.grant, expiresAt: stored.expiresAt.toISOString() },
        consentTextVersion,
      );
    },

    declinePending: (chat, handle) => store.dropPending(chat, handle),

    async openConsent(chat) {
      const handles = await store.openPending(chat, now(), 2);
      if (handles.length === 0) return { kind: 'none' };
      return handles.length === 1 ? { kind: 'one', handle: handles[0] } : { kind: 'several' };
    },

    async voidPostedCode(chat, text) {
      const code = parseCodeInput(text);
      if (!code) return 'not_a_code';
      const at = now();
      const found = await lookUp(chat, code, at);
      if (found.braked) return 'braked';
      // The try stays counted whatever the code was: nothing is ever linked from a group.
      if (found.stored && !found.stored.usedAt) await store.voidCode(found.stored.id, at);
      return 'voided';
    },

    personForChat: (chat) => store.personForChat(chat),

    needsConsent: async (personId) => consentOutdated(await store.activeConsent(personId)),

    async chatState(chat) {
      const found = await deps.access.chatViewer(chat);
      return found
        ? { personId: found.scope.personId, needsConsent: consentOutdated(found.consent), scope: found.scope }
        : null;
    },

    async renewConsent(chat, consentTextVersion) {
      if (consentTextVersion !== CURRENT_CONSENT_VERSION) return false;
      // The scope says whom the text was written to: a pupil's own chat was asked with the pupil's text.
      const found = await deps.access.chatViewer(chat);
      if (!found) return false;
      const text = consentText(chat.locale ?? 'ru', chat.channel, audienceOfScope(found.scope));
      await store.recordConsent(
        found.scope.personId,
        chat.channel,
        { textVersion: text.version, textHash: text.hash, scope: CONSENT_SCOPE },
        now(),
      );
      return true;
    },

    async forget(chat) {
      const kinds = await store.forget(chat, chatSessionKey(chat), now());
      return kinds ? { forgotten: true, kinds } : { forgotten: false };
    },

    exportData: (personId) => store.exportPerson(personId),
  };
  return service;
}
