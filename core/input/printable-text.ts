import { z } from 'zod';

// Text from outside — a journal's fields, a chat message, a button's data, a voice request, a
// command-line argument — is refused when it holds a NUL character or a lone UTF-16 surrogate.
// PostgreSQL refuses NUL in text and jsonb, and a lone surrogate has no UTF-8 form (jsonb refuses
// its escape; a text parameter would silently turn it into U+FFFD): passed on, either becomes a
// failed statement (a 500) or a changed value, so each edge turns it away with its own answer.

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be taken as it is, or null when it can. */
export function unprintableReason(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate (not valid Unicode)';
  return null;
}

export const isPrintableText = (text: string): boolean => unprintableReason(text) === null;

/** A string schema that refuses NUL and lone surrogates, naming which. */
export function printable<T extends z.ZodType<string>>(schema: T): T {
  return schema.refine(isPrintableText, {
    error: (issue) => unprintableReason(String(issue.input)) ?? 'is not printable text',
  }) as T;
}
