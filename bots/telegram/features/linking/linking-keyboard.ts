import { InlineKeyboard } from 'grammy';
import type { TLinkingTexts } from '../../../../core/linking';
import { CONSENT_DECLINE_DATA, consentAcceptData, settingsData } from '../../callback-data';
import type { TBotTexts } from '../../locales';

export function consentKeyboard(texts: TLinkingTexts, code: string): InlineKeyboard {
  return new InlineKeyboard().text(`✅ ${texts.consent.accept}`, consentAcceptData(texts.consent.version, code)).text(texts.consent.decline, CONSENT_DECLINE_DATA);
}

/** Alerts are opt-in: one tap right after linking turns grade alerts on. */
export function offerAlertsKeyboard(t: TBotTexts): InlineKeyboard {
  return new InlineKeyboard().text(t.linking.turnOnGrades, settingsData({ kind: 'grades-on' }));
}
