import { composeReminder } from './compose-reminder';
import { releaseAt } from './reminder-timing';
import type { TBatchDecision, TTeacherBatch } from './reminder-types';

// One teacher's waiting reminders: send them now (one message per linked chat, in its language)
// or wait — for the end of quiet hours, the daily summary time, or a snooze.

export function decideBatch(batch: TTeacherBatch, now: Date): TBatchDecision {
  // Turned off: nothing goes out, and the reminders are not kept waiting for a change of mind.
  if (!batch.settings.enabled) return { send: true, messages: [] };
  const at = releaseAt(batch.settings, batch.oldestFoundAt, now, batch.timezone);
  if (at.getTime() > now.getTime()) return { send: false, until: at };
  return {
    send: true,
    messages: batch.chats.map((c) => ({ chatId: c.chatId, text: composeReminder(batch.lessons, c.locale) })),
  };
}
