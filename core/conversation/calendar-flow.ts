import type { CalendarFeeds } from '../calendar-feed';
import { CALENDAR_OFF_DATA, CALENDAR_RENEW_DATA } from './actions';
import type { ConsentFlow } from './consent-flow';
import type { ConversationDeps, TOutcome, TReply, TTurn } from './conversation-types';
import type { TButtonRows } from './menus';
import { botTexts, plain, say } from './replies';

// /calendar and «календарь»: one private feed link per linked child (a pupil linked to
// themselves gets their own). A link is shown once, when made: only its HMAC is stored, so asking
// again says a link exists and offers a new one (the old stops working) or turning it off.
// Groups never get here: the bots answer a group with a link to a private chat.

/** The feeds and where they are served; without a public address no link can be given. */
export interface TCalendarChat {
  feeds: CalendarFeeds;
  /** PUBLIC_URL. */
  publicUrl?: string;
}

export type CalendarFlow = ReturnType<typeof createCalendarFlow>;

/** The feed's address, built as the webhooks' are from PUBLIC_URL (main.ts). */
export function feedUrl(publicUrl: string, token: string): string {
  return new URL(`/calendar/${token}.ics`, publicUrl).toString();
}

export function createCalendarFlow(
  deps: Pick<ConversationDeps, 'calendar'>,
  consent: Pick<ConsentFlow, 'reconsentNeeded'>,
) {
  const manageRows = (turn: TTurn): TButtonRows => {
    const t = botTexts(turn).calendar;
    return [
      [
        { label: t.renew, data: CALENDAR_RENEW_DATA },
        { label: t.turnOff, data: CALENDAR_OFF_DATA },
      ],
    ];
  };

  /** The person and their linked children, or the reply that says why there is no feed to give. */
  async function whose(
    turn: TTurn,
  ): Promise<{ personId: string; children: { id: string; firstName: string }[] } | TOutcome> {
    const t = botTexts(turn).calendar;
    const personId = await turn.personId();
    if (!personId) return say(plain(t.notLinked));
    // A link hands out the child's data: only under the consent text in force.
    const again = await consent.reconsentNeeded(turn, personId);
    if (again) return again;
    if (!deps.calendar?.publicUrl) return say(plain(t.noPublicUrl));
    const children = (await turn.viewer())?.scope?.linkedStudents ?? [];
    if (children.length === 0) return say(plain(t.noChildren));
    return { personId, children };
  }

  async function links(turn: TTurn, renew: boolean): Promise<TOutcome> {
    const who = await whose(turn);
    if ('replies' in who) return who;
    const { feeds, publicUrl } = deps.calendar as Required<TCalendarChat>;
    const t = botTexts(turn).calendar;
    const existing = new Set(renew ? [] : await feeds.feedsOf(who.personId));
    const missing = who.children.filter((c) => !existing.has(c.id));
    const issued = await feeds.issue(
      who.personId,
      missing.map((c) => c.id),
    );
    const replies: TReply[] = [];
    if (issued.length > 0) {
      const named = issued.map(({ studentId, token }) => {
        const child = who.children.find((c) => c.id === studentId)!;
        return t.link(child.firstName, feedUrl(publicUrl, token));
      });
      replies.push(plain([t.issued, '', ...named, ...(renew ? ['', t.renewedNote] : [])].join('\n')));
    }
    const given = who.children.filter((c) => existing.has(c.id));
    if (given.length > 0) {
      replies.push(
        plain(t.exists(given.map((c) => c.firstName)), { keyboard: { kind: 'rows', rows: manageRows(turn) } }),
      );
    }
    turn.log.info({ issued: issued.length, existing: given.length, renew }, 'calendar links');
    return { notice: renew ? t.renewedNote : undefined, replies };
  }

  async function turnOff(turn: TTurn): Promise<TOutcome> {
    const t = botTexts(turn).calendar;
    const personId = await turn.personId();
    if (!personId || !deps.calendar) return say(plain(t.notLinked));
    const gone = await deps.calendar.feeds.revoke(personId);
    turn.log.info({ revoked: gone }, 'calendar turned off');
    const text = gone > 0 ? t.turnedOff : t.nothingToTurnOff;
    return { notice: text, replies: [plain(text)] };
  }

  /** Under the settings screen, for a person with a feed: the way to turn it off. */
  async function settingsReply(turn: TTurn): Promise<TReply | null> {
    const personId = await turn.personId();
    if (!personId || !deps.calendar) return null;
    if ((await deps.calendar.feeds.feedsOf(personId)).length === 0) return null;
    const t = botTexts(turn).calendar;
    return plain(t.settingsLine, {
      keyboard: { kind: 'rows', rows: [[{ label: t.settingsButton, data: CALENDAR_OFF_DATA }]] },
    });
  }

  return {
    show: (turn: TTurn) => links(turn, false),
    renew: (turn: TTurn) => links(turn, true),
    turnOff,
    settingsReply,
  };
}
