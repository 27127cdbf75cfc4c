import { escapeHtml } from '../answers';
import { ALERT_TYPES, withFollowers } from '../settings/subscription-settings-port';
import type { TSettingsAction } from './actions';
import type { ConversationDeps, TOutcome, TTurn } from './conversation-types';
import { settingsMenu } from './menus';
import { botTexts, html, plain, say } from './replies';
import { settingsPatch, summarize, teacherSettingsPatch } from './settings-presets';

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
    const { types, patch, inView } = settingsPatch(
      action,
      summarize(await deps.settings.read(personId), view.studentIds),
    );
    await deps.settings.write(personId, types, patch, inView ? view.studentIds : undefined);
    turn.log.info({ personId, setting: action.kind, child: view.chosen }, 'settings changed');
    if (action.kind === 'grades-on')
      return {
        notice: botTexts(turn).settings.subscribed,
        replies: [html(botTexts(turn).settings.subscribed, { inPlace: true })],
      };
    return screen(turn, personId, view.chosen);
  }

  /** The same change a "подпиши меня на оценки" / "stop notifications" phrase makes. */
  async function setSubscribed(turn: TTurn, on: boolean): Promise<TOutcome> {
    const personId = await turn.personId();
    if (!personId) return say(plain(botTexts(turn).settings.notLinked));
    await deps.settings.write(personId, on ? withFollowers(['grades']) : ALERT_TYPES, { enabled: on });
    turn.log.info({ personId, enabled: on }, 'subscription changed');
    return say(plain(on ? botTexts(turn).settings.subscribed : botTexts(turn).settings.unsubscribed));
  }

  return { show, change, setSubscribed };
}
