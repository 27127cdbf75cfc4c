import type { TJournalEvent } from './event-schemas';
import { definesAndRefers } from './validate-batch';

// Who is writing a batch. The operator (JOURNAL_WEBHOOK_SECRET, `dnevnik import` without
// --key-id) feeds every school of a regional system with its global ids. A school's key writes
// only that school, and its ids are its own: two schools may both send class "1" or event "e1".
//
// A school key's ids are stored as `<school>:<id>`, with the school id percent-encoded so that it
// holds no ":" — the first ":" ends the prefix, so no choice of ids in one school can produce a
// stored id of another school's namespace (school "a" with id "b:1" and school "a:b" with id "1"
// stay apart: "a:b:1" and "a%3Ab:1"). School ids themselves are not prefixed: they are what a key
// is bound to.

export type TIngestScope = { kind: 'operator' } | { kind: 'school'; schoolId: string; keyId: string };

export const OPERATOR_SCOPE: TIngestScope = { kind: 'operator' };

export function namespacePrefix(schoolId: string): string {
  return `${encodeURIComponent(schoolId)}:`;
}

/** The id as stored: a school key's ids are prefixed with its school; the operator's are as sent. */
export function storedId(scope: TIngestScope, id: string): string {
  return scope.kind === 'school' ? `${namespacePrefix(scope.schoolId)}${id}` : id;
}

/** The id as the writer sent it, for the errors it is answered with. */
export function shownId(scope: TIngestScope, id: string): string {
  if (scope.kind !== 'school') return id;
  const prefix = namespacePrefix(scope.schoolId);
  return id.startsWith(prefix) ? id.slice(prefix.length) : id;
}

/**
 * The batch with every entity id and event id moved into the writer's namespace. The fields to
 * rewrite are the ones `definesAndRefers` names, so an event type that declares its references
 * is namespaced without a list of its own here.
 */
export function toStoredIds(scope: TIngestScope, events: TJournalEvent[]): TJournalEvent[] {
  if (scope.kind !== 'school') return events;
  return events.map((event) => {
    const { defines, refers } = definesAndRefers(event);
    const data: Record<string, unknown> = { ...event.data };
    for (const r of defines ? [defines, ...refers] : refers) {
      if (r.kind === 'school') continue;
      // A list's element (classIds[2]) is rewritten in a copy of its list.
      const element = /^(\w+)\[(\d+)\]$/.exec(r.field);
      if (!element) data[r.field] = storedId(scope, r.id);
      else {
        const list = [...(data[element[1]] as string[])];
        list[Number(element[2])] = storedId(scope, r.id);
        data[element[1]] = list;
      }
    }
    return { ...event, id: storedId(scope, event.id), data } as TJournalEvent;
  });
}
