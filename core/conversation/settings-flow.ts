import { escapeHtml } from '../answers';
import { ALERT_TYPES, COMING_TYPES, PRESENCE_TYPES } from '../settings/subscription-settings-port';
import type { TSettingsAction } from './actions';
import type { ConversationDeps, TOutcome, TTurn } from './conversation-types';
import { presenceMenu, settingsMenu } from './menus';
import { botTexts, html, plain, say } from './replies';
import { settingsPatch, summarize, teacherSettingsPatch } from './settings-presets';
import { subscribeTypes } from './subscribe-scope';

// The settings screen: a parent's alerts (for all children or one), a teacher's journal
// reminders, and the on/off a spoken "subscribe me" or "stop notifications" makes.

export type SettingsFlow = ReturnType<typeof createSettingsFlow>;

export function createSettingsFlow(deps: Pick<ConversationDeps, 'settings' | 'teacherSettings'>) {
  /**
   * The children a settings screen is about: all the person's linked students, or the one at
   * `child` (link order, as the buttons carry it). `stale` for a position no child has any more.
   */
  async function childrenInView(turn: TTurn, child: number | null) {
    const students = (await turn.viewer())?.scope?.linkedStudents ?? [];
    const stale = child !== null && child >= students.length;
    const chosen = stale || students.length < 2 ? null : child;
    const inView = chosen === null ? students : [students[chosen]];
    return { students, chosen, stale, studentIds: inView.map((s) => s.id) };
  }

  async function screen(turn: TTurn, personId: string, child: number | null): Promise<TOutcome> {
    const { students, chosen, studentIds } = await childrenInView(turn, child);
    const summary = summarize(await deps.settings.read(personId), studentIds);
    // A teacher's own reminders belong to the all-children screen, with the other shared settings.
    const teacher = chosen === null ? ((await deps.teacherSettings?.read(personId)) ?? null) : null;
    const texts = botTexts(turn).settings;
    const title =
      students.length > 1
        ? `${texts.title}\n${escapeHtml(texts.scope(chosen === null ? null : students[chosen].firstName))}`
        : texts.title;
    const rows = settingsMenu(botTexts(turn), summary, teacher, {
      children: students.map((s) => s.firstName),
      child: chosen,
    });
    return say(html(title, { inPlace: true, keyboard: { kind: 'rows', rows } }));
  }

  /** The presence switches of the children in view, with the explanation of when each is sent. */
  async function presenceScreen(turn: TTurn, personId: string, child: number | null): Promise<TOutcome> {
    const { students, chosen, studentIds } = await childrenInView(turn, child);
    const summary = summarize(await deps.settings.read(personId), studentIds);
    const texts = botTexts(turn).settings;
    const title =
      students.length > 1
        ? `${texts.presenceTitle}\n${escapeHtml(texts.scope(chosen === null ? null : students[chosen].firstName))}`
        : texts.presenceTitle;
    const teacher = students.length < 2 && Boolean(await deps.teacherSettings?.read(personId));
    const rows = presenceMenu(botTexts(turn), summary, chosen, teacher);
    return say(html(title, { inPlace: true, keyboard: { kind: 'rows', rows } }));
  }

  async function show(turn: TTurn, child: number | null = null): Promise<TOutcome> {
    const personId = await turn.personId();
    if (!personId) return say(html(botTexts(turn).settings.notLinked, { inPlace: true }));
    return screen(turn, personId, child);
  }

  async function change(turn: TTurn, action: TSettingsAction): Promise<TOutcome> {
    const personId = await turn.personId();
    if (!personId) return { notice: botTexts(turn).settings.notLinked, replies: [] };
    if (action.kind === 'r-toggle' || action.kind === 'r-mode' || action.kind === 'r-quiet') {
      const current = await deps.teacherSettings?.read(personId);
      // A stale teacher button after the teacher link is gone: just show the settings as they are.
      if (current) await deps.teacherSettings!.write(personId, teacherSettingsPatch(action.kind, current));
      turn.log.info({ personId, setting: action.kind }, 'reminder settings changed');
      return screen(turn, personId, null);
    }
    const child = 'child' in action ? action.child : null;
    const view = await childrenInView(turn, child);
    // A button naming a child position no longer linked changes nothing: the screen is shown as it is.
    if (view.stale) return screen(turn, personId, null);
    // Opening the presence screen changes nothing.
    if (action.kind === 'presence') return presenceScreen(turn, personId, view.chosen);
    const { types, patch, inView } = settingsPatch(
      action,
      summarize(await deps.settings.read(personId), view.studentIds),
    );
    await deps.settings.write(personId, types, patch, inView ? view.studentIds : undefined);
    turn.log.info({ personId, setting: action.kind, child: view.chosen }, 'settings changed');
    // A tap on the presence screen shows that screen again (the threshold is there for a teacher of one child).
    const thresholdThere =
      action.kind === 'threshold' && view.students.length < 2 && Boolean(await deps.teacherSettings?.read(personId));
    const onPresence =
      action.kind === 'absence-mode' ||
      action.kind === 'tests-time' ||
      thresholdThere ||
      (action.kind === 'toggle' && (PRESENCE_TYPES.includes(action.type) || COMING_TYPES.includes(action.type)));
    if (onPresence) return presenceScreen(turn, personId, view.chosen);
    if (action.kind === 'grades-on')
      return {
        notice: botTexts(turn).settings.subscribed,
        replies: [html(botTexts(turn).settings.subscribed, { inPlace: true })],
      };
    return screen(turn, personId, view.chosen);
  }

  /**
   * The change a "подпиши меня на уведомления" (every type), "подпиши на оценки" (grades and term
   * marks) or "stop notifications" (every type off) phrase makes; `text` is the phrase as said.
   */
  async function setSubscribed(turn: TTurn, on: boolean, text = ''): Promise<TOutcome> {
    const personId = await turn.personId();
    if (!personId) return say(plain(botTexts(turn).settings.notLinked));
    const types = on ? subscribeTypes(text) : ALERT_TYPES;
    await deps.settings.write(personId, types, { enabled: on });
    turn.log.info({ personId, enabled: on, types: types.length }, 'subscription changed');
    const texts = botTexts(turn).settings;
    if (!on) return say(plain(texts.unsubscribed));
    return say(plain(types === ALERT_TYPES ? texts.subscribedAll : texts.subscribed));
  }

  return { show, change, setSubscribed };
}
