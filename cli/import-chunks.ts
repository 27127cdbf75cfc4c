import type { TJournalEvent } from '../core/ingest';
import { type TEventError, validateEvents } from '../core/ingest';

// A long import may run inside the server (cli/server-executor.ts), whose one event loop also
// answers the chats and the journal API. The work is done in chunks with a turn of the event loop
// between them, so requests that came in meanwhile are taken up instead of waiting for the end.

export const CHUNK = 1000;

/** Lets I/O that is waiting (a question, a webhook) in before the next chunk. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** validateEvents over the whole file, a chunk at a time: the same events and errors, indices file-wide. */
export async function validateInChunks(raw: unknown[]): Promise<{ events: TJournalEvent[]; errors: TEventError[] }> {
  const events: TJournalEvent[] = [];
  const errors: TEventError[] = [];
  for (let start = 0; start < raw.length; start += CHUNK) {
    const part = validateEvents(raw.slice(start, start + CHUNK));
    for (const event of part.events) events.push(event);
    for (const error of part.errors) errors.push({ ...error, index: error.index + start });
    await yieldToEventLoop();
  }
  return { events, errors };
}
