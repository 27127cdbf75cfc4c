import type { Api } from 'grammy';
import { BOT_TEXTS } from './locales';

/** The command menu in each language; Telegram picks by the user's language_code, Russian otherwise. */
export async function registerCommands(api: Api): Promise<void> {
  await api.setMyCommands(BOT_TEXTS.ru.commands);
  await api.setMyCommands(BOT_TEXTS.ru.commands, { language_code: 'ru' });
  await api.setMyCommands(BOT_TEXTS.en.commands, { language_code: 'en' });
}
