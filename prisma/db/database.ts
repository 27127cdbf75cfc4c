import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool, types } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/client';
import type { MigrationSql } from './migrate';
import { createPgliteStatements } from './pglite-prepared';

// The one database object every store takes, in two implementations: PostgreSQL when
// DATABASE_URL is set, otherwise an embedded PGlite (real Postgres in WASM) in DATA_DIR. Both
// offer the same Prisma client for typed queries and the same raw-SQL path (`sql`) for what
// Prisma does slowly or not at all: migrations, bulk ingestion, and the hot paths (answers,
// alert planning and delivery, reminder scans, link-code checks) as prepared statements.

export type TDatabaseKind = 'postgres' | 'pglite';

/** One parameterised statement; rows back. */
export type TSqlQuery = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * The driver itself, beside Prisma: migrations need multi-statement scripts, and ingestion and
 * the hot read paths are several times faster without Prisma's per-query overhead.
 */
export interface RawSql extends MigrationSql {
  /**
   * Like query(), for the fixed statements of hot paths (an answer, an update): each is parsed and
   * planned once per connection and then only bound and run. Not for SQL text that varies.
   */
  prepared: TSqlQuery;
  /** Runs `work` on one connection inside BEGIN … COMMIT (ROLLBACK when it throws). */
  transaction<T>(work: (query: TSqlQuery) => Promise<T>): Promise<T>;
  /** Runs `work` on one dedicated connection: session state (advisory locks) must not hop between pooled ones. */
  session<T>(work: (sql: MigrationSql) => Promise<T>): Promise<T>;
}

export interface Database {
  kind: TDatabaseKind;
  prisma: PrismaClient;
  sql: RawSql;
  /** PGlite only: a copy of the whole database, to clone from (tests, backups). */
  snapshot?: () => Promise<Blob>;
  /** PostgreSQL only: the connection pool's use (/metrics). PGlite is one in-process connection, no pool. */
  poolStats?: () => TPoolStats;
  /** true when reachable: /readyz */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface TPoolStats {
  /** Connections open, idle or in use. */
  total: number;
  idle: number;
  /** Queries waiting for a connection: the pool is too small or the database too slow. */
  waiting: number;
  max: number;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite data directory; `memory://` for a throw-away database. */
  dataDir?: string;
  /** PGlite only: start from a snapshot made by `dumpDataDir()` (fast test databases). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

// "char" (OID 18) appears in catalog queries; pg would hand it over as a Buffer-like oddity.
types.setTypeParser(18, (v: string) => v);

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPglite(options);
}

/** A prepared statement's name follows from its text, so every connection agrees on it. */
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `dnevnik_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

function openPostgres(connectionString: string, max: number): Database {
  // One connection outlives quiet hours (idle ones close after 10 s): the first request after a
  // quiet night, or long after the warm-up at start (runtime/warm-up.ts), finds it open instead of
  // connecting (a TLS handshake away from the database) before it can ask anything.
  const pool = new Pool({ connectionString, max, min: 1, connectionTimeoutMillis: 10_000 });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: 'postgres',
    prisma,
    sql: {
      exec: async (sql: string) => {
        await pool.query(sql);
      },
      query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
      // node-postgres prepares a named statement on each pooled connection the first time it runs there.
      prepared: async <T>(sql: string, params?: unknown[]) =>
        (await pool.query({ name: statementName(sql), text: sql, values: params })).rows as T[],
      session: async (work) => {
        const client = await pool.connect();
        try {
          return await work({
            exec: async (sql: string) => {
              await client.query(sql);
            },
            query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
          });
        } finally {
          client.release();
        }
      },
      transaction: async (work) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work(
            async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
          );
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
      },
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
    ping: async () => {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const dataDir = options.dataDir ?? './data/pglite';
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pglite = await PGlite.create(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  // PGlite is one connection already, so a session is the database itself.
  const direct: MigrationSql = {
    exec: async (sql: string) => {
      await pglite.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
  };
  return {
    kind: 'pglite',
    prisma,
    sql: {
      ...direct,
      prepared: createPgliteStatements(pglite),
      session: (work) => work(direct),
      transaction: (work) =>
        pglite.transaction((tx) =>
          work(async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows),
        ),
    },
    snapshot: () => pglite.dumpDataDir('none'),
    ping: async () => !pglite.closed,
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}
