/** A timestamp column as a Date: node-postgres returns Dates, JSON columns and PGlite may return ISO strings. */
export const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
