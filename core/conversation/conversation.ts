import type { TChannelAction } from '../answers';
import { isPrintableText } from '../input/printable-text';
import { isTooLongUtterance } from '../input/utterance-limit';
import { readYesNo } from '../input/yes-no';
import { parseCodeInput } from '../linking';
import { parseAction, type TAction } from './actions';
import { createCalendarFlow } from './calendar-flow';
import { createConsentFlow } from './consent-flow';
import type { ConversationDeps, TOutcome, TTurn } from './conversation-types';
import { createPrivacyFlow } from './privacy-flow';
import { createQuestionFlow } from './question-flow';
import { botTexts, plain, say } from './replies';
import { createSettingsFlow } from './settings-flow';

// The chat bots' conversation, once for every chat channel: linking with consent, questions,
// menus, settings, export and /forget. A bot translates its platform's update into a turn and
// the outcome back into messages and keyboards; nothing here knows Telegram or VK. This file
// only decides which flow a message, a command, a tap or a spoken request goes to.

export interface Conversation {
  /** A text message in a private chat: a /command, a link code, or a question. */
  message(turn: TTurn, text: string): Promise<TOutcome>;
  /** A button press; null when the data is no button of ours. */
  tap(turn: TTurn, data: string): Promise<TOutcome | null>;
  /**
   * A text message where several people read (`turn.chat` is the group). A link code in it is
   * voided at once and the group told so, naming no one; null for anything else, which the bot
   * answers (or not) as its platform's groups are answered.
   */
  groupMessage(turn: TTurn, text: string): Promise<TOutcome | null>;
}

const COMMAND = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/;

export function createConversation(deps: ConversationDeps): Conversation {
  const consent = createConsentFlow(deps);
  const settings = createSettingsFlow(deps);
  const privacy = createPrivacyFlow(deps);
  const questions = createQuestionFlow(deps, consent);
  const calendar = createCalendarFlow(deps, consent);

  /** The settings screen, and under it the calendar's off switch when there is a feed (VK's inline keyboard is full). */
  async function settingsWithCalendar(turn: TTurn): Promise<TOutcome> {
    const shown = await settings.show(turn);
    const extra = await calendar.settingsReply(turn);
    return extra ? { ...shown, replies: [...shown.replies, extra] } : shown;
  }

  async function command(turn: TTurn, name: string, arg: string): Promise<TOutcome> {
    switch (name.toLowerCase()) {
      case 'start':
        if (arg) return consent.offer(turn, arg);
        if (await turn.personId()) return questions.mainMenu(turn);
        return say(plain(botTexts(turn).start.welcome));
      case 'link':
        return arg ? consent.offer(turn, arg) : consent.askCode(turn);
      case 'menu':
        return questions.mainMenu(turn);
      case 'settings':
        return settingsWithCalendar(turn);
      case 'calendar':
        return calendar.show(turn);
      case 'forget':
        return privacy.forget(turn);
      case 'export':
        return privacy.exportData(turn);
      default:
        return questions.help(turn);
    }
  }

  /** Asked for in words, it does what its command or button does. */
  async function spokenAction(turn: TTurn, action: TChannelAction, text = ''): Promise<TOutcome> {
    switch (action) {
      case 'subscribe':
        return settings.setSubscribed(turn, true, text);
      case 'unsubscribe':
        return settings.setSubscribed(turn, false);
      case 'settings':
        return settingsWithCalendar(turn);
      case 'calendar':
        return calendar.show(turn);
      case 'forget':
        return privacy.forget(turn);
      case 'link':
        return consent.askCode(turn);
    }
  }

  async function act(turn: TTurn, action: TAction): Promise<TOutcome> {
    switch (action.kind) {
      case 'menu':
        return questions.showView(turn, action.view);
      case 'consent-accept':
        return consent.accept(turn, action.version, action.handle);
      case 'consent-decline':
        return consent.decline(turn, action.handle);
      case 'consent-renew':
        return consent.renew(turn, action.version);
      case 'consent-withdraw':
        return consent.withdraw(turn);
      case 'settings-open':
        return settings.show(turn, action.child);
      case 'settings':
        return settings.change(turn, action.action);
      case 'resume':
        return questions.resume(turn, action.choice);
      case 'chart':
        return questions.chart(turn, { child: action.child, subject: null });
      case 'calendar-renew':
        return calendar.renew(turn);
      case 'calendar-off':
        return calendar.turnOff(turn);
    }
  }

  return {
    async message(turn, text) {
      // Before any parsing: a long text costs time in proportion, and NUL or a lone surrogate must not reach the database.
      if (isTooLongUtterance(text)) return say(plain(botTexts(turn).input.tooLong));
      if (!isPrintableText(text)) return say(plain(botTexts(turn).input.unreadable));
      const cmd = text.trim().match(COMMAND);
      if (cmd) return command(turn, cmd[1], (cmd[2] ?? '').trim());
      if (text.trim().startsWith('/')) return questions.help(turn);
      const code = parseCodeInput(text);
      if (code) return consent.offer(turn, code);
      const said = readYesNo(text);
      const answered = said && (await consent.typedAnswer(turn, said));
      if (answered) return answered;
      const asked = await questions.ask(turn, text);
      return asked.kind === 'action' ? spokenAction(turn, asked.action, text) : asked.outcome;
    },
    async tap(turn, data) {
      const action = parseAction(data);
      return action ? act(turn, action) : null;
    },
    async groupMessage(turn, text) {
      // The group is not answered about anything else; junk cannot be a code.
      if (isTooLongUtterance(text) || !isPrintableText(text) || !parseCodeInput(text)) return null;
      return consent.voidPostedCode(turn, text);
    },
  };
}
