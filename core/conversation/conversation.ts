import { escapeHtml, renderAnswer, type AnswerService, type TAnswer } from '../answers';
import { audienceOfRole, audienceOfScope, consentText, LINKING_TEXTS, parseCodeInput, refusalMessage, type LinkService } from '../linking';
import { isPrintableText } from '../input/printable-text';
import { isTooLongUtterance } from '../input/utterance-limit';
import { ALERT_TYPES, type SubscriptionSettingsStore } from '../settings/subscription-settings-port';
import { parseAction, type TAction, type TMenuView, type TSection, type TSettingsAction } from './actions';
import type { TOutcome, TReply, TTurn } from './conversation-types';
import { BOT_TEXTS } from './locales';
import { consentMenu, offerAlertsMenu, reconsentMenu, settingsMenu, viewMenu } from './menus';
import { renderView } from './menu-view';
import { settingsPatch, summarize, teacherSettingsPatch } from './settings-presets';
import type { TeacherSettingsStore } from './teacher-settings-port';

// The chat bots' conversation, once for every chat channel: linking with consent, questions,
// menus, settings, export and /forget. A bot translates its platform's update into a turn and
// the outcome back into messages and keyboards; nothing here knows Telegram or VK.

export interface ConversationDeps {
  answers: AnswerService;
  linking: LinkService;
  settings: SubscriptionSettingsStore;
  /** A teacher's journal-reminder preferences; without it the settings menu shows only alerts. */
  teacherSettings?: TeacherSettingsStore;
  now: () => Date;
}

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
const SECTION_OF: Partial<Record<TAnswer['kind'], TSection>> = { grades: 'grades', homework: 'homework', schedule: 'schedule', balance: 'balance' };

const plain = (text: string, extra: Partial<TReply> = {}): TReply => ({ text, html: false, ...extra });
const html = (text: string, extra: Partial<TReply> = {}): TReply => ({ text, html: true, ...extra });
const say = (...replies: TReply[]): TOutcome => ({ replies });

export function createConversation(deps: ConversationDeps): Conversation {
  const t = (turn: TTurn) => BOT_TEXTS[turn.lang];

  /**
   * Checks the code (a wrong one counts against the brakes), then shows what it grants and the
   * consent text. Nothing about the person is stored: the code waits in a pending link for 15
   * minutes, and the buttons carry only its handle.
   */
  async function offerConsent(turn: TTurn, code: string): Promise<TOutcome> {
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

  async function renewConsent(turn: TTurn, version: string): Promise<TOutcome> {
    const texts = LINKING_TEXTS[turn.lang];
    if (!(await deps.linking.renewConsent(turn.chat, version))) {
      // A stale button (the text changed again) or a chat no longer linked.
      const personId = await turn.personId();
      const again = personId ? await reconsentNeeded(turn, personId) : null;
      return { clearTapped: true, replies: again ? again.replies : [plain(t(turn).linking.askCode)] };
    }
    turn.log.info({}, 'consent renewed');
    return { clearTapped: true, replies: [plain(texts.reconsentAccepted), html(t(turn).menu.title, { keyboard: { kind: 'main' } })] };
  }

  async function withdrawConsent(turn: TTurn): Promise<TOutcome> {
    const result = await deps.linking.forget(turn.chat);
    turn.log.info({ forgotten: result.forgotten }, 'consent withdrawn');
    return { clearTapped: true, replies: [plain(LINKING_TEXTS[turn.lang].reconsentDeclined)] };
  }

  async function acceptConsent(turn: TTurn, version: string, handle: string): Promise<TOutcome> {
    const accepted = await deps.linking.acceptPending(turn.chat, handle, version);
    if (!accepted.ok) {
      // Tapped after 15 minutes (or twice), a code spent by another chat between the two taps, or a consent text changed meanwhile.
      turn.log.info({ reason: accepted.reason }, 'link refused at consent');
      return { clearTapped: true, replies: [plain(refusalMessage(turn.lang, accepted))] };
    }
    // The student stays in the log, the person and the chat do not: nothing here ties them together.
    turn.detachedLog.info({ role: accepted.grant.role, studentId: accepted.grant.studentId, teacherId: accepted.grant.teacherId }, 'chat linked');
    const replies = [plain(LINKING_TEXTS[turn.lang].linked(accepted.grant))];
    if (accepted.grant.studentId) replies.push(plain(t(turn).linking.offerAlerts, { keyboard: { kind: 'rows', rows: offerAlertsMenu(t(turn)) } }));
    replies.push(html(t(turn).menu.title, { keyboard: { kind: 'main' } }));
    return { clearTapped: true, replies };
  }

  async function showView(turn: TTurn, view: TMenuView): Promise<TOutcome> {
    const viewer = await turn.viewer();
    if (!viewer) return say(html(t(turn).settings.notLinked, { inPlace: true }));
    const gate = await reconsentNeeded(turn, viewer.personId);
    if (gate) return gate;
    const rendered = await renderView(deps.answers, viewer, view, turn.lang, deps.now());
    // The day shown becomes explicit, so a later tap on ‹ › moves from it, not from a new "today".
    const pinned = { ...view, date: rendered.shown && view.section !== 'balance' ? rendered.shown.day : view.date };
    return say(html(rendered.html, { inPlace: true, keyboard: { kind: 'view', menu: viewMenu(t(turn), pinned, rendered.shown, rendered.children) } }));
  }

  /**
   * The children a settings screen is about: all the person's linked students, or the one at
   * `child` (link order, as the buttons carry it). `stale` for a position no child has any more.
   */
  async function settingsView(turn: TTurn, child: number | null) {
    const students = (await turn.viewer())?.scope?.linkedStudents ?? [];
    const stale = child !== null && child >= students.length;
    const chosen = stale || students.length < 2 ? null : child;
    const inView = chosen === null ? students : [students[chosen]];
    return { students, chosen, stale, studentIds: inView.map((s) => s.id) };
  }

  async function settingsScreen(turn: TTurn, personId: string, child: number | null): Promise<TOutcome> {
    const { students, chosen, studentIds } = await settingsView(turn, child);
    const summary = summarize(await deps.settings.read(personId), studentIds);
    // A teacher's own reminders belong to the all-children screen, with the other shared settings.
    const teacher = chosen === null ? ((await deps.teacherSettings?.read(personId)) ?? null) : null;
    const texts = t(turn).settings;
    const title = students.length > 1 ? `${texts.title}\n${escapeHtml(texts.scope(chosen === null ? null : students[chosen].firstName))}` : texts.title;
    const rows = settingsMenu(t(turn), summary, teacher, { children: students.map((s) => s.firstName), child: chosen });
    return say(html(title, { inPlace: true, keyboard: { kind: 'rows', rows } }));
  }

  async function showSettings(turn: TTurn, child: number | null = null): Promise<TOutcome> {
    const personId = await turn.personId();
    if (!personId) return say(html(t(turn).settings.notLinked, { inPlace: true }));
    return settingsScreen(turn, personId, child);
  }

  async function changeSettings(turn: TTurn, action: TSettingsAction): Promise<TOutcome> {
    const personId = await turn.personId();
    if (!personId) return { notice: t(turn).settings.notLinked, replies: [] };
    if (action.kind === 'r-toggle' || action.kind === 'r-mode' || action.kind === 'r-quiet') {
      const current = await deps.teacherSettings?.read(personId);
      // A stale teacher button after the teacher link is gone: just show the settings as they are.
      if (current) await deps.teacherSettings!.write(personId, teacherSettingsPatch(action.kind, current));
      turn.log.info({ personId, setting: action.kind }, 'reminder settings changed');
      return settingsScreen(turn, personId, null);
    }
    const child = 'child' in action ? action.child : null;
    const view = await settingsView(turn, child);
    // A button naming a child position no longer linked changes nothing: the screen is shown as it is.
    if (view.stale) return settingsScreen(turn, personId, null);
    const { types, patch, inView } = settingsPatch(action, summarize(await deps.settings.read(personId), view.studentIds));
    await deps.settings.write(personId, types, patch, inView ? view.studentIds : undefined);
    turn.log.info({ personId, setting: action.kind, child: view.chosen }, 'settings changed');
    if (action.kind === 'grades-on') return { notice: t(turn).settings.subscribed, replies: [html(t(turn).settings.subscribed, { inPlace: true })] };
    return settingsScreen(turn, personId, view.chosen);
  }

  /** The same change a "подпиши меня на оценки" / "stop notifications" phrase makes. */
  async function setSubscribed(turn: TTurn, on: boolean): Promise<TOutcome> {
    const personId = await turn.personId();
    if (!personId) return say(plain(t(turn).settings.notLinked));
    await deps.settings.write(personId, on ? ['grades'] : ALERT_TYPES, { enabled: on });
    turn.log.info({ personId, enabled: on }, 'subscription changed');
    return say(plain(on ? t(turn).settings.subscribed : t(turn).settings.unsubscribed));
  }

  /** /forget and "забудь меня": consent withdrawn and the person's data deleted at once. */
  async function forget(turn: TTurn): Promise<TOutcome> {
    const personId = await turn.personId();
    const result = await deps.linking.forget(turn.chat);
    // The person id is gone from the database now; the log keeps only that a deletion happened.
    turn.log.info({ forgotten: result.forgotten, kinds: result.forgotten ? result.kinds : undefined, hadPerson: personId !== null }, 'forget requested');
    const texts = LINKING_TEXTS[turn.lang];
    return say(plain(result.forgotten ? texts.forgotten : texts.nothingToForget));
  }

  async function exportMine(turn: TTurn): Promise<TOutcome> {
    const personId = await turn.personId();
    const data = personId ? await deps.linking.exportData(personId) : null;
    if (!data) return say(plain(t(turn).privacy.nothingToExport));
    return say(plain(t(turn).privacy.exportCaption, { file: { name: 'dnevnik-export.json', content: JSON.stringify(data, null, 2) } }));
  }

  async function mainMenuOrNotLinked(turn: TTurn): Promise<TOutcome> {
    if (!(await turn.personId())) return say(plain(t(turn).settings.notLinked));
    return say(html(t(turn).menu.title, { keyboard: { kind: 'main' } }));
  }

  const help = (turn: TTurn) => say(html(renderAnswer({ kind: 'help' }, turn.lang).text));

  async function command(turn: TTurn, name: string, arg: string): Promise<TOutcome> {
    switch (name.toLowerCase()) {
      case 'start':
        if (arg) return offerConsent(turn, arg);
        if (await turn.personId()) return mainMenuOrNotLinked(turn);
        return say(plain(t(turn).start.welcome));
      case 'link':
        return arg ? offerConsent(turn, arg) : say(plain(t(turn).linking.askCode));
      case 'menu':
        return mainMenuOrNotLinked(turn);
      case 'settings':
        return showSettings(turn);
      case 'forget':
        return forget(turn);
      case 'export':
        return exportMine(turn);
      default:
        return help(turn);
    }
  }

  async function question(turn: TTurn, text: string): Promise<TOutcome> {
    const viewer = await turn.viewer();
    if (!viewer) return say(plain(t(turn).linking.askCode));
    // Before the question is even answered: an answer is an access to a student's data (and logged as one).
    const gate = await reconsentNeeded(turn, viewer.personId);
    if (gate) return gate;
    const { answer, lang } = await deps.answers.ask(text, viewer, deps.now());
    turn.log.info({ personId: viewer.personId, kind: answer.kind }, 'question answered');
    if (answer.kind === 'action') {
      switch (answer.action) {
        case 'subscribe':
          return setSubscribed(turn, true);
        case 'unsubscribe':
          return setSubscribed(turn, false);
        case 'settings':
          return showSettings(turn);
        case 'forget':
          return forget(turn);
        case 'link':
          return say(plain(t(turn).linking.askCode));
      }
    }
    const section = SECTION_OF[answer.kind];
    const children = 'sections' in answer ? answer.sections.map((s) => s.student.firstName) : [];
    const shown = 'period' in answer && answer.period.from === answer.period.to ? { day: answer.period.from, today: answer.period.today } : null;
    const menu = section ? viewMenu(t(turn), { section, date: shown?.day ?? null, child: null }, section === 'balance' ? null : shown, children) : undefined;
    return say(html(renderAnswer(answer, lang).text, menu ? { keyboard: { kind: 'view', menu } } : {}));
  }

  async function act(turn: TTurn, action: TAction): Promise<TOutcome> {
    switch (action.kind) {
      case 'menu':
        return showView(turn, action.view);
      case 'consent-accept':
        return acceptConsent(turn, action.version, action.handle);
      case 'consent-decline':
        if (action.handle) await deps.linking.declinePending(turn.chat, action.handle);
        return say(plain(LINKING_TEXTS[turn.lang].declined, { inPlace: true }));
      case 'consent-renew':
        return renewConsent(turn, action.version);
      case 'consent-withdraw':
        return withdrawConsent(turn);
      case 'settings-open':
        return showSettings(turn, action.child);
      case 'settings':
        return changeSettings(turn, action.action);
    }
  }

  return {
    async message(turn, text) {
      // Before any parsing: a long text costs time in proportion, and NUL or a lone surrogate must not reach the database.
      if (isTooLongUtterance(text)) return say(plain(t(turn).input.tooLong));
      if (!isPrintableText(text)) return say(plain(t(turn).input.unreadable));
      const cmd = text.trim().match(COMMAND);
      if (cmd) return command(turn, cmd[1], (cmd[2] ?? '').trim());
      if (text.trim().startsWith('/')) return help(turn);
      const code = parseCodeInput(text);
      if (code) return offerConsent(turn, code);
      return question(turn, text);
    },
    async tap(turn, data) {
      const action = parseAction(data);
      return action ? act(turn, action) : null;
    },
    async groupMessage(turn, text) {
      // The group is not answered about anything else; junk cannot be a code.
      if (isTooLongUtterance(text) || !isPrintableText(text) || !parseCodeInput(text)) return null;
      // Counted against the group's and the channel's brakes like any try, so a group is no free oracle.
      const result = await deps.linking.voidPostedCode(turn.chat, text);
      turn.log.info({ result }, 'link code seen in a group');
      return say(plain(result === 'voided' ? t(turn).group.codeVoided : t(turn).group.codeNotChecked));
    },
  };
}
