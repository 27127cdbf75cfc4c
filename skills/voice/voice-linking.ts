import type { TViewerScope } from '../../core/access';
import type { TLang } from '../../core/i18n';
import {
  audienceOfRole,
  audienceOfScope,
  CURRENT_CONSENT_VERSION,
  consentRefusalText,
  consentText,
  LINKING_TEXTS,
  type LinkService,
  refusalMessage,
  type TChatRef,
} from '../../core/linking';

// Linking by voice: the person reads out the 12-digit code, hears whom it links and the short
// consent, and answers yes or no. Nothing about the user is stored before "yes". The checked code
// waits in a PendingLink for 15 minutes; the voice session (which the platform keeps and the
// client sends back) carries only its handle, which works for this user only and only once.

export interface TVoicePending {
  handle: string;
}

export type TCodeTurn =
  | { kind: 'refused'; say: string; reason: string }
  | { kind: 'consent'; say: string; pending: TVoicePending };

export type TConsentTurn =
  | { kind: 'linked'; say: string; personId: string }
  | { kind: 'refused'; say: string; reason: string }
  | { kind: 'declined'; say: string };

/** Checks a spoken code; on success the answer is the grant followed by the spoken consent. */
export async function voiceCodeTurn(
  linking: LinkService,
  chat: TChatRef,
  lang: TLang,
  code: string,
): Promise<TCodeTurn> {
  const started = await linking.offerLink(chat, code);
  if (!started.ok) return { kind: 'refused', say: refusalMessage(lang, started), reason: started.reason };
  const consent = consentText(lang, chat.channel, audienceOfRole(started.grant.role));
  return {
    kind: 'consent',
    say: `${LINKING_TEXTS[lang].grant(started.grant)} ${consent.text}`,
    pending: { handle: started.handle },
  };
}

/** The answer to the consent question: "yes" stores the link and the consent, "no" stores nothing. */
export async function voiceConsentTurn(
  linking: LinkService,
  chat: TChatRef,
  lang: TLang,
  pending: TVoicePending,
  accepted: boolean,
): Promise<TConsentTurn> {
  const texts = LINKING_TEXTS[lang];
  if (!accepted) {
    await linking.declinePending(chat, pending.handle);
    return { kind: 'declined', say: texts.declined };
  }
  const result = await linking.acceptPending(chat, pending.handle, CURRENT_CONSENT_VERSION);
  if (!result.ok) return { kind: 'refused', say: consentRefusalText(lang, result), reason: result.reason };
  return { kind: 'linked', say: texts.linked(result.grant), personId: result.personId };
}

/** Asked again, before the next answer, of someone who accepted an older consent text. */
export function voiceReconsentQuestion(lang: TLang, channel: TChatRef['channel'], scope: TViewerScope | null): string {
  return `${LINKING_TEXTS[lang].reconsentIntro} ${consentText(lang, channel, scope ? audienceOfScope(scope) : 'adult').text}`;
}

/** "yes" records consent to the current text; "no" withdraws it, which deletes everything at once. */
export async function voiceReconsentTurn(
  linking: LinkService,
  chat: TChatRef,
  lang: TLang,
  accepted: boolean,
): Promise<{ say: string; forgotten: boolean }> {
  const texts = LINKING_TEXTS[lang];
  if (accepted && (await linking.renewConsent(chat, CURRENT_CONSENT_VERSION)))
    return { say: texts.reconsentAccepted, forgotten: false };
  await linking.forget(chat);
  return { say: texts.reconsentDeclined, forgotten: true };
}
