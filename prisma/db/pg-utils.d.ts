// node-postgres turns JS values into the text PostgreSQL receives (arrays into array literals,
// dates into timestamps, objects into JSON); the embedded database's prepared statements reuse it
// so both databases get byte-for-byte the same parameters.
declare module 'pg/lib/utils' {
  export function prepareValue(value: unknown): string | Buffer | null;
}
