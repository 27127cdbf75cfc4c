import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config';

// DATA_DIR holds the embedded database (pupils' names sit in its tables and WAL), the link-code
// pepper, the journal-key seal key and the CLI's server token: no other local user may read any
// of it. A umask is no help for the database: PGlite (emscripten's NODEFS) creates each file and
// then chmods it to the mode Postgres asked for — 0666 for the files of a fresh cluster, 0644 for
// those written through stdio — so modes are set after the fact. The directory being 0700 is what
// keeps others out in between; the files' own modes matter once a copy or a loosened directory
// exposes them.

const OTHERS = 0o077;
const STICKY = 0o1000;

export interface TPrivateTree {
  /** Entries whose group/other bits were removed. */
  fixed: number;
  /** Some of them were reachable by other users: DATA_DIR (or a directory in it) let them in. */
  exposed: boolean;
}

/**
 * Makes DATA_DIR and everything in it owner-only (creating it when `create`), before anything is
 * opened there. null when it does not exist and need not. A shared directory (sticky bit, /tmp)
 * is refused rather than locked: it is not ours to close.
 */
export function makeDataDirPrivate(dataDir: string, options: { create: boolean }): TPrivateTree | null {
  if (process.platform === 'win32') return null;
  if (options.create) fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Followed: DATA_DIR itself may be a link to where the data really lives.
  const stat = statIfExists(dataDir, fs.statSync);
  if (!stat) return null;
  if (!stat.isDirectory()) throw new ConfigError(`Invalid configuration: DATA_DIR ${dataDir} is not a directory`);
  if (stat.mode & STICKY)
    throw new ConfigError(
      `Invalid configuration: DATA_DIR ${dataDir} is a shared directory (sticky bit set); give dnevnik a directory of its own`,
    );
  return makeTreePrivate(dataDir);
}

/** Removes group/other bits from `root` and everything below it; symbolic links are not followed. */
export function makeTreePrivate(root: string): TPrivateTree {
  const result: TPrivateTree = { fixed: 0, exposed: false };
  walk(fs.realpathSync(root), true, result);
  return result;
}

/** `reachable`: every directory above lets group or others pass (DATA_DIR's own parents are not judged). */
function walk(entry: string, reachable: boolean, result: TPrivateTree): void {
  const stat = statIfExists(entry);
  if (!stat || stat.isSymbolicLink()) return;
  if (stat.mode & OTHERS) {
    try {
      fs.chmodSync(entry, stat.mode & 0o700);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      throw new ConfigError(
        `Invalid configuration: cannot make ${entry} owner-only (${code}); it must belong to the user dnevnik runs as`,
      );
    }
    result.fixed++;
    if (reachable) result.exposed = true;
  }
  if (!stat.isDirectory()) return;
  const below = reachable && (stat.mode & 0o011) !== 0;
  let names: string[];
  try {
    names = fs.readdirSync(entry);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  for (const name of names) walk(path.join(entry, name), below, result);
}

function statIfExists(entry: string, stat: (p: string) => fs.Stats = fs.lstatSync): fs.Stats | null {
  try {
    return stat(entry);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
