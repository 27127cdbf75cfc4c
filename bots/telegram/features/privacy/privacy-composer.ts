import { Composer, InputFile } from 'grammy';
import type { BotContext } from '../../bot-context';
import { LINKING_TEXTS, type LinkService } from '../../../../core/linking';

/** /forget and "забудь меня": consent withdrawn and the person's data deleted at once. */
export async function forgetMe(ctx: BotContext, linking: LinkService): Promise<void> {
  const personId = await ctx.personId();
  const result = await linking.forget(ctx.chatRef);
  // The person id is gone from the database now; the log keeps only that a deletion happened.
  ctx.log.info({ forgotten: result.forgotten, kinds: result.forgotten ? result.kinds : undefined, hadPerson: personId !== null }, 'forget requested');
  const texts = LINKING_TEXTS[ctx.lang];
  await ctx.reply(result.forgotten ? texts.forgotten : texts.nothingToForget);
}

export async function exportMine(ctx: BotContext, linking: LinkService): Promise<void> {
  const personId = await ctx.personId();
  const data = personId ? await linking.exportData(personId) : null;
  if (!data) return void (await ctx.reply(ctx.t.privacy.nothingToExport));
  const file = new InputFile(Buffer.from(JSON.stringify(data, null, 2), 'utf8'), 'dnevnik-export.json');
  await ctx.replyWithDocument(file, { caption: ctx.t.privacy.exportCaption });
}

export function privacyComposer(linking: LinkService): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType('private');
  privateChat.command('forget', (ctx) => forgetMe(ctx, linking));
  privateChat.command('export', (ctx) => exportMine(ctx, linking));
  return composer;
}
