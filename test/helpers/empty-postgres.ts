import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

// A database with nothing in it (not even the migrations' table), on the server of DATABASE_URL:
// what a fresh deployment's PostgreSQL holds before `dnevnik migrate`.

export interface TEmptyPostgres {
  url: string;
  drop(): Promise<void>;
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createEmptyPostgres(adminUrl: string, prefix = 'dnevnik_empty'): Promise<TEmptyPostgres> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
