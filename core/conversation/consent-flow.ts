import { escapeHtml } from '../answers';
import type { TYesNo } from '../input/yes-no';
import {
  audienceOfRole,
  audienceOfScope,
  CURRENT_CONSENT_VERSION,
  consentRefusalText,
  consentText,
  LINKING_TEXTS,
  refusalMessage,
} from '../linking';
import type { ConversationDeps, TOutcome, TTurn } from './conversation-types';
import { consentMenu, offerAlertsMenu, reconsentMenu } from './menus';
import { botTexts, html, plain, say } from './replies';

// Linking a chat to a student: the code offered, the consent shown, accepted or declined, and
// asked again of a linked person whenever the consent text changes. A link code posted in a group
// is voided here too, since whoever reads the group could use it.

export type ConsentFlow = ReturnType<typeof createConsentFlow>;

export function createConsentFlow(deps: Pick<ConversationDeps, 'linking'>) {
  const askCode = (turn: TTurn): TOutcome => say(plain(botTexts(turn).linking.askCode));

  /**
   * Checks the code (a wrong one counts against the brakes), then shows what it grants and the
   * consent text. Nothing about the person is stored: the code waits in a pending link for 15
   * minutes, and the buttons carry only its handle.
   */
  async function offer(turn: TTurn, code: string): Promise<TOutcome> {
    const started = await deps.linking.offerLink(turn.chat, code);
    if (!started.ok) {
      turn.log.info({ reason: started.reason }, 'link code refused');
      return say(plain(refusalMessage(turn.lang, started)));
    }
    const texts = LINKING_TEXTS[turn.lang];
    const consent = consentText(turn.lang, turn.chat.channel, audienceOfRole(started.grant.role));
    const text = `${escapeHtml(texts.grant(started.grant))}\n\n<b>${escapeHtml(consent.title)}</b>\n\n${escapeHtml(consent.text)}`;
    return say(html(text, { keyboard: { kind: 'rows', rows: consentMenu(texts, started.handle) } }));
  }

  async function accept(turn: TTurn, version: string, handle: string): Promise<TOutcome> {
    const accepted = await deps.linking.acceptPending(turn.chat, handle, version);
    if (!accepted.ok) {
      turn.log.info({ reason: accepted.reason }, 'link refused at consent');
      return { clearTapped: true, replies: [plain(consentRefusalText(turn.lang, accepted))] };
    }
    // The student stays in the log, the person and the chat do not: nothing here ties them together.
    turn.detachedLog.info(
      { role: accepted.grant.role, studentId: accepted.grant.studentId, teacherId: accepted.grant.teacherId },
      'chat linked',
    );
    const replies = [plain(LINKING_TEXTS[turn.lang].linked(accepted.grant))];
    if (accepted.grant.studentId)
      replies.push(
        plain(botTexts(turn).linking.offerAlerts, {
          keyboard: { kind: 'rows', rows: offerAlertsMenu(botTexts(turn)) },
        }),
      );
    replies.push(html(botTexts(turn).menu.title, { keyboard: { kind: 'main' } }));
    return { clearTapped: true, replies };
  }

  /** A Decline button from before handles carries none: then there is nothing to delete. */
  async function decline(turn: TTurn, handle: string | null): Promise<TOutcome> {
    if (handle) await deps.linking.declinePending(turn.chat, handle);
    return say(plain(LINKING_TEXTS[turn.lang].declined, { inPlace: true }));
  }

  /**
   * «да» or «нет» typed under the consent instead of tapping: answered as the tap would be, for the
   * chat's one open pending link. A pending link exists only once its consent was shown, and only
   * for 15 minutes. null when none is open: then the words consent to nothing. A changed text
   * asked again (reconsentNeeded) still waits for a tap: a chat keeps no record of having shown
   * it, and a «да» could answer something else.
   */
  async function typedAnswer(turn: TTurn, said: TYesNo): Promise<TOutcome | null> {
    const open = await deps.linking.openConsent(turn.chat);
    if (open.kind === 'none') return null;
    if (open.kind === 'several') {
      const { accept, decline } = LINKING_TEXTS[turn.lang].consent;
      return say(plain(botTexts(turn).linking.tapToAnswer(accept, decline)));
    }
    turn.log.info({ said }, 'consent answered in words');
    return said === 'yes' ? accept(turn, CURRENT_CONSENT_VERSION, open.handle) : decline(turn, open.handle);
  }

  /** Nothing personal is shown to someone whose consent names a text that has changed since. */
  async function reconsentNeeded(turn: TTurn, personId: string): Promise<TOutcome | null> {
    if (!(await turn.needsConsent())) return null;
    turn.log.info({ personId }, 'consent asked again');
    const texts = LINKING_TEXTS[turn.lang];
    const scope = (await turn.viewer())?.scope;
    const consent = consentText(turn.lang, turn.chat.channel, scope ? audienceOfScope(scope) : 'adult');
    const text = `${escapeHtml(texts.reconsentIntro)}\n\n<b>${escapeHtml(consent.title)}</b>\n\n${escapeHtml(consent.text)}`;
    return say(html(text, { keyboard: { kind: 'rows', rows: reconsentMenu(texts) } }));
  }

  async function renew(turn: TTurn, version: string): Promise<TOutcome> {
    if (!(await deps.linking.renewConsent(turn.chat, version))) {
      // A stale button (the text changed again) or a chat no longer linked.
      const personId = await turn.personId();
      const again = personId ? await reconsentNeeded(turn, personId) : null;
      return { clearTapped: true, replies: again ? again.replies : askCode(turn).replies };
    }
    turn.log.info({}, 'consent renewed');
    return {
      clearTapped: true,
      replies: [
        plain(LINKING_TEXTS[turn.lang].reconsentAccepted),
        html(botTexts(turn).menu.title, { keyboard: { kind: 'main' } }),
      ],
    };
  }

  /** Declining the changed text withdraws consent, and that deletes the person's data at once. */
  async function withdraw(turn: TTurn): Promise<TOutcome> {
    const result = await deps.linking.forget(turn.chat);
    turn.log.info({ forgotten: result.forgotten }, 'consent withdrawn');
    return { clearTapped: true, replies: [plain(LINKING_TEXTS[turn.lang].reconsentDeclined)] };
  }

  /** Counted against the group's and the channel's brakes like any try, so a group is no free oracle. */
  async function voidPostedCode(turn: TTurn, text: string): Promise<TOutcome> {
    const result = await deps.linking.voidPostedCode(turn.chat, text);
    turn.log.info({ result }, 'link code seen in a group');
    return say(plain(result === 'voided' ? botTexts(turn).group.codeVoided : botTexts(turn).group.codeNotChecked));
  }

  return { askCode, offer, accept, decline, typedAnswer, reconsentNeeded, renew, withdraw, voidPostedCode };
}
