import { Composer } from 'grammy';
import type { TAlertType } from '../../../../core/alerts/alert-types';
import { ALERT_TYPES, type SubscriptionSettingsStore, type TSettingsPatch } from '../../../../core/settings/subscription-settings-port';
import type { BotContext } from '../../bot-context';
import { parseSettingsData, SETTINGS_OPEN_DATA, SETTINGS_PATTERN, type TSettingsAction } from '../../callback-data';
import { showHtml } from '../../reply-html';
import { settingsKeyboard } from './settings-keyboard';
import { MODE_PRESETS, nextIndex, QUIET_PRESETS, summarize, THRESHOLD_PRESETS, type TSettingsSummary } from './settings-presets';

export async function showSettings(ctx: BotContext, store: SubscriptionSettingsStore): Promise<void> {
  const personId = await ctx.personId();
  if (!personId) return showHtml(ctx, ctx.t.settings.notLinked);
  await showHtml(ctx, ctx.t.settings.title, settingsKeyboard(ctx.t, summarize(await store.read(personId))));
}

/** The same change a "подпиши меня на оценки" / "stop notifications" phrase makes. */
export async function setSubscribed(ctx: BotContext, store: SubscriptionSettingsStore, on: boolean): Promise<void> {
  const personId = await ctx.personId();
  if (!personId) return void (await ctx.reply(ctx.t.settings.notLinked));
  await store.write(personId, on ? ['grades'] : ALERT_TYPES, { enabled: on });
  ctx.log.info({ personId, enabled: on }, 'subscription changed');
  await ctx.reply(on ? ctx.t.settings.subscribed : ctx.t.settings.unsubscribed);
}

function patchFor(action: TSettingsAction, s: TSettingsSummary): { types: readonly TAlertType[]; patch: TSettingsPatch } {
  switch (action.kind) {
    case 'toggle':
      return { types: [action.type], patch: { enabled: !s.enabled[action.type] } };
    case 'grades-on':
      return { types: ['grades'], patch: { enabled: true } };
    case 'mode':
      return { types: ALERT_TYPES, patch: MODE_PRESETS[nextIndex(MODE_PRESETS, (p) => p.mode === s.mode && p.digestTime === s.digestTime)] };
    case 'quiet': {
      const [quietFrom, quietTo] = QUIET_PRESETS[nextIndex(QUIET_PRESETS, ([from, to]) => from === s.quietFrom && to === s.quietTo)];
      return { types: ALERT_TYPES, patch: { quietFrom, quietTo } };
    }
    case 'threshold':
      return { types: ['balance'], patch: { thresholdKopecks: THRESHOLD_PRESETS[nextIndex(THRESHOLD_PRESETS, (p) => p === s.thresholdKopecks)] } };
  }
}

export function settingsComposer(store: SubscriptionSettingsStore): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType('private').command('settings', (ctx) => showSettings(ctx, store));
  composer.callbackQuery(SETTINGS_OPEN_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showSettings(ctx, store);
  });
  composer.callbackQuery(SETTINGS_PATTERN, async (ctx) => {
    const personId = await ctx.personId();
    if (!personId) {
      await ctx.answerCallbackQuery({ text: ctx.t.settings.notLinked });
      return;
    }
    const action = parseSettingsData(ctx.match as RegExpMatchArray);
    const { types, patch } = patchFor(action, summarize(await store.read(personId)));
    await store.write(personId, types, patch);
    ctx.log.info({ personId, setting: action.kind }, 'settings changed');
    if (action.kind === 'grades-on') {
      await ctx.answerCallbackQuery({ text: ctx.t.settings.subscribed });
      await showHtml(ctx, ctx.t.settings.subscribed);
      return;
    }
    await ctx.answerCallbackQuery();
    await showHtml(ctx, ctx.t.settings.title, settingsKeyboard(ctx.t, summarize(await store.read(personId))));
  });
  return composer;
}
