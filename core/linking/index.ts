// Linking chats to students with one-time codes, consent and /forget: the part every channel shares.
export { hashChatKey, hashLinkCode } from './code-hash';
export { looksLikeCodeAttempt, parseCodeInput } from './code-input';
export {
  audienceOfRole,
  audienceOfScope,
  CONSENT_SCOPE,
  CURRENT_CONSENT_VERSION,
  consentRefusalText,
  consentText,
  type TConsentText,
} from './consent-texts';
export { DEFAULT_CODE_DAYS, issueCodes, type TCodeTarget, type TIssuedCode } from './issue-codes';
export { brakeVerdict, DEFAULT_BRAKES, type TBrakePolicy, type TChannelBudget } from './link-brakes';
export {
  CODE_LENGTH,
  CODE_SPACE,
  formatLinkCode,
  generateLinkCode,
  maxLinkUrl,
  telegramLinkUrl,
  vkLinkUrl,
} from './link-code';
export { refusalMessage } from './link-messages';
export {
  chatSessionKey,
  createLinkService,
  type LinkService,
  type LinkServiceDeps,
  type TChatState,
  type TOpenConsent,
} from './link-service';
export type * from './linking-port';
export type * from './linking-types';
export { LINKING_TEXTS, type TLinkingTexts } from './locales';
export { newPendingHandle, PENDING_HANDLE_PATTERN, PENDING_LINK_TTL_MS } from './pending-handle';
export type * from './pending-link-port';
