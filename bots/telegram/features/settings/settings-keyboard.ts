import { InlineKeyboard } from 'grammy';
import { ALERT_TYPES } from '../../../../core/settings/subscription-settings-port';
import { settingsData } from '../../callback-data';
import type { TBotTexts } from '../../locales';
import type { TSettingsSummary } from './settings-presets';

export function settingsKeyboard(t: TBotTexts, s: TSettingsSummary): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const type of ALERT_TYPES) keyboard.text(`${s.enabled[type] ? '✅' : '▫️'} ${t.settings.types[type]}`, settingsData({ kind: 'toggle', type })).row();
  const mode = s.mode === 'digest' && s.digestTime ? t.settings.digestAt(s.digestTime) : t.settings.instant;
  const quiet = s.quietFrom === s.quietTo ? t.settings.quietOff : t.settings.quiet(s.quietFrom, s.quietTo);
  const rubles = s.thresholdKopecks === null ? null : String(Math.round(s.thresholdKopecks / 100));
  return keyboard
    .text(`⏱ ${mode}`, settingsData({ kind: 'mode' }))
    .row()
    .text(`🌙 ${quiet}`, settingsData({ kind: 'quiet' }))
    .row()
    .text(`💳 ${t.settings.threshold(rubles)}`, settingsData({ kind: 'threshold' }));
}
