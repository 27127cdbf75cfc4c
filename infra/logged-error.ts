// What a log line says about an error: its name, message and code, nothing else. Errors carry
// what the failed operation held — PGlite's the statement and its parameters (a whole ingested
// batch with names and grade comments), PostgreSQL's `detail` ("Key (id)=(…) already exists",
// "Failing row contains (…)") and `where`, Prisma's `meta`, a Bot API error its payload, a
// `cause` its own — and a stack is no help to an operator who has the source. Some messages
// quote data too; those are cut down below.

export interface TLoggedError {
  name: string;
  message: string;
  code?: string | number;
}

const MAX_MESSAGE = 300;
const SQLSTATE = /^[0-9A-Z]{5}$/;
/** Prisma repeats a database's code inside its own message: "Raw query failed. Code: `22P02`. …". */
const EMBEDDED_SQLSTATE = /Code: `([0-9A-Z]{5})`/;
const QUOTED = /"(?:[^"\\]|\\.)*"/g;

/** A short error code (SQLSTATE, Prisma's P2002, ECONNREFUSED, VK's 901, an AppError's code); anything else is dropped. */
function codeOf(value: unknown): string | number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^[\w.-]{1,40}$/.test(value)) return value;
  return undefined;
}

/**
 * The message without the data some messages quote. Prisma's begins with the call and its
 * arguments (values included, for a validation error) and ends with what went wrong: only the
 * last line is kept. PostgreSQL's data exceptions (SQLSTATE class 22) quote the value refused
 * (`invalid input syntax for type uuid: "…"`), and JSON.parse quotes the text it read: quoted
 * parts are dropped. Other database messages quote only names (a constraint, a column).
 */
function safeMessage(name: string, message: string, code: string | number | undefined): string {
  let text = name.startsWith('PrismaClient') ? (message.trim().split('\n').at(-1) ?? '') : message;
  const sqlState = typeof code === 'string' && SQLSTATE.test(code) ? code : EMBEDDED_SQLSTATE.exec(text)?.[1];
  if (sqlState?.startsWith('22') || name === 'SyntaxError') text = text.replace(QUOTED, '"…"');
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** pino's `err` serializer: any thrown value (or an `{ name, message }` a caller built) as name, message and code. */
export function loggedError(value: unknown): TLoggedError {
  if (typeof value !== 'object' || value === null)
    return { name: 'Error', message: safeMessage('Error', String(value), undefined) };
  const fields = value as { name?: unknown; message?: unknown; code?: unknown };
  const name = typeof fields.name === 'string' && fields.name ? fields.name : 'Error';
  const code = codeOf(fields.code);
  const message = safeMessage(name, typeof fields.message === 'string' ? fields.message : '', code);
  return code === undefined ? { name, message } : { name, message, code };
}
