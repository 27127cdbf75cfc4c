import { ALICE_TEXT_LIMIT, type TAliceButton, type TAliceResponse } from './alice-schemas';
import { type TAliceSessionState, writeSessionState } from './session-state';

export interface ReplyOptions {
  /** Alice `tts`; the text with Alice's markup characters removed when not given. */
  tts?: string;
  state?: TAliceSessionState;
  endSession?: boolean;
  buttons?: string[];
  startAccountLinking?: boolean;
}

// Alice reads "+" as a stress mark and "<[...]>" as markup: plain texts must not carry them by accident.
const ttsOf = (text: string) => text.replace(/[+<>[\]]/g, ' ');

/** Within Alice's limit, cut at a word; never empty (Yandex rejects an empty `text`). */
function fit(text: string, fallback: string): string {
  const trimmed = text.trim() || fallback;
  if (trimmed.length <= ALICE_TEXT_LIMIT) return trimmed;
  const cut = trimmed.slice(0, ALICE_TEXT_LIMIT - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

export function aliceReply(text: string, fallback: string, options: ReplyOptions = {}): TAliceResponse {
  const shown = fit(text, fallback);
  const buttons: TAliceButton[] | undefined = options.buttons?.length
    ? options.buttons.map((title) => ({ title, hide: true }))
    : undefined;
  return {
    response: {
      text: shown,
      tts: fit(options.tts ?? ttsOf(shown), ttsOf(fallback)),
      ...(buttons ? { buttons } : {}),
      end_session: options.endSession ?? false,
      ...(options.startAccountLinking ? { directives: { start_account_linking: {} } } : {}),
    },
    // Sent every time: Yandex keeps only what the last response carried.
    session_state: writeSessionState(options.state ?? {}),
    version: '1.0',
  };
}
