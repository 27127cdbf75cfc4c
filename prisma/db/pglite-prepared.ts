import { type PGlite, parse, protocol } from '@electric-sql/pglite';
import { prepareValue } from 'pg/lib/utils';
import type { TSqlQuery } from './database';

// Prepared statements on the embedded database. PGlite's query() parses and plans every
// statement again and talks to the WASM backend six times (parse, describe, bind, describe,
// execute, sync); a hot statement here is parsed and planned once, and each run is a single
// message (bind, describe, execute, sync). Errors still come back as PGlite's DatabaseError.

const { serialize } = protocol;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function createPgliteStatements(pglite: PGlite): TSqlQuery {
  const names = new Map<string, string>();
  let counter = 0;

  return async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    // A statement is prepared in the first run's message; a failed run may or may not have left it
    // prepared, so the next run prepares it again under a fresh name.
    const known = names.get(sql);
    const name = known ?? `dnevnik_${++counter}`;
    const parts: Uint8Array[] = known ? [] : [serialize.parse({ name, text: sql })];
    parts.push(
      serialize.bind({ statement: name, values: params.map((v) => prepareValue(v)) }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    );
    const message = concat(parts);
    // Both locks, as PGlite's own query() takes them: never inside someone else's open transaction.
    return pglite._runExclusiveTransaction(() =>
      pglite._runExclusiveQuery(async () => {
        try {
          const { messages } = await pglite.execProtocol(message);
          names.set(sql, name);
          return (parse.parseResults(messages, pglite.parsers)[0]?.rows ?? []) as T[];
        } catch (err) {
          names.delete(sql);
          throw err;
        }
      }),
    );
  };
}
