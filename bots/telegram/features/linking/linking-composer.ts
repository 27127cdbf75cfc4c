import { Composer } from 'grammy';
import { consentText, LINKING_TEXTS, parseCodeInput, refusalMessage, type LinkService } from '../../../../core/linking';
import { escapeHtml } from '../../../../core/answers';
import type { BotContext } from '../../bot-context';
import { CONSENT_ACCEPT_PATTERN, CONSENT_DECLINE_DATA } from '../../callback-data';
import { replyHtml } from '../../reply-html';
import { mainMenuKeyboard } from '../menu/menu-keyboard';
import { consentKeyboard, offerAlertsKeyboard } from './linking-keyboard';

/**
 * Checks the code (a wrong one counts against the brakes), then shows what it grants and the
 * consent text. Nothing about the chat is stored: the code rides in the Accept button and is
 * checked again when it is pressed.
 */
export async function offerConsent(ctx: BotContext, linking: LinkService, code: string): Promise<void> {
  const started = await linking.startLink(ctx.chatRef, code);
  const texts = LINKING_TEXTS[ctx.lang];
  if (!started.ok) {
    ctx.log.info({ reason: started.reason }, 'link code refused');
    await ctx.reply(refusalMessage(ctx.lang, started));
    return;
  }
  const consent = consentText(ctx.lang, 'telegram');
  const html = `${escapeHtml(texts.grant(started.pending.grant))}\n\n<b>${escapeHtml(consent.title)}</b>\n\n${escapeHtml(consent.text)}`;
  await ctx.reply(html, { parse_mode: 'HTML', reply_markup: consentKeyboard(texts, code) });
}

export function linkingComposer(linking: LinkService): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType('private');

  privateChat.command(['start', 'link'], async (ctx, next) => {
    if (ctx.match.trim()) return offerConsent(ctx, linking, ctx.match);
    if (ctx.msg.text.startsWith('/link')) return ctx.reply(ctx.t.linking.askCode);
    if (await ctx.personId()) return next();
    await ctx.reply(ctx.t.start.welcome);
  });

  privateChat.on('message:text', async (ctx, next) => {
    if (ctx.msg.text.startsWith('/')) return next();
    const code = parseCodeInput(ctx.msg.text);
    if (!code) return next();
    await offerConsent(ctx, linking, code);
  });

  composer.callbackQuery(CONSENT_ACCEPT_PATTERN, async (ctx) => {
    const [, version, code] = ctx.match as RegExpMatchArray;
    await ctx.answerCallbackQuery();
    // The code must not stay in a button once it has been spent or refused.
    await ctx.editMessageReplyMarkup();
    const started = await linking.startLink(ctx.chatRef, code);
    if (!started.ok) {
      ctx.log.info({ reason: started.reason }, 'link refused at consent');
      await ctx.reply(refusalMessage(ctx.lang, started));
      return;
    }
    const accepted = await linking.acceptConsent(ctx.chatRef, started.pending, version);
    if (!accepted.ok) {
      // A code spent by another chat between the two taps, or a consent text changed meanwhile.
      ctx.log.info({ reason: accepted.reason }, 'link refused at consent');
      const texts = LINKING_TEXTS[ctx.lang];
      await ctx.reply(accepted.reason === 'used' ? texts.used : accepted.reason === 'consent_outdated' ? texts.consentOutdated : texts.expired);
      return;
    }
    ctx.log.info({ personId: accepted.personId, role: accepted.grant.role, studentId: accepted.grant.studentId, teacherId: accepted.grant.teacherId }, 'chat linked');
    await ctx.reply(LINKING_TEXTS[ctx.lang].linked(accepted.grant));
    if (accepted.grant.studentId) await ctx.reply(ctx.t.linking.offerAlerts, { reply_markup: offerAlertsKeyboard(ctx.t) });
    await replyHtml(ctx, ctx.t.menu.title, mainMenuKeyboard(ctx.t));
  });

  composer.callbackQuery(CONSENT_DECLINE_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(LINKING_TEXTS[ctx.lang].declined);
  });

  return composer;
}
