import type { TQuery } from './types';

/** The line `dnevnik parse` prints (README "Command line"): one JSON object, keys always in this order. */
export function formatQueryJson(q: TQuery): string {
  return JSON.stringify({ intent: q.intent, date: q.date, dateTo: q.dateTo, subject: q.subject, child: q.child });
}
