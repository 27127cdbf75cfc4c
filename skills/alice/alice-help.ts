import type { TLang } from '../../core/i18n';
import { parseUtterance } from '../../core/nlu';
import type { TAliceRequest } from './alice-schemas';

// «Помощь» and «Что ты умеешь» must be answered whether or not the diary is connected: Yandex's
// moderators check both before a skill is published (docs/alice-publishing.md). Yandex recognises
// them itself, in phrasings our parser may not know, and sends its intents with the request.

const HELP_INTENTS = ['YANDEX.HELP', 'YANDEX.WHAT_CAN_YOU_DO'];

export function asksForHelp(req: TAliceRequest, text: string, at: { lang: TLang; now: Date; tz: string }): boolean {
  const intents = req.request.nlu?.intents ?? {};
  if (HELP_INTENTS.some((name) => name in intents)) return true;
  return parseUtterance(text, { lang: at.lang, now: at.now, tz: at.tz }).intent === 'help';
}
