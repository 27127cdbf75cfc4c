import fs from 'node:fs';
import path from 'node:path';

// PGlite serves one process and does not notice a second one opening its files: a second server
// on the same DATA_DIR would answer from its own diverging view and replace the first one's
// server.json. So whoever opens the embedded database first locks the folder with a file created
// with O_EXCL — of processes starting together exactly one creates it — naming who holds it. A
// lock left by a process that is gone (killed, crashed) is taken over.

export interface TLockHolder {
  pid: number;
  /** When the holder took the lock (ISO 8601). */
  since: string;
  /** What holds it, as typed: `dnevnik start`, `dnevnik import`. */
  command: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: TLockHolder,
  ) {
    super(`DATA_DIR ${dataDir} is in use by pid ${holder.pid} (${holder.command}) since ${holder.since}`);
    this.name = 'DataDirLockedError';
  }
}

export const LOCK_FILE = 'dnevnik.lock';

// Lock files this process holds. Its own pid in a lock it does not hold is a leftover of an
// earlier process that had the same pid (a container's first process is always pid 1).
const heldHere = new Set<string>();

// The creator writes right after creating the file; an empty or cut-off file is read again a few
// times before it counts as damaged (and so as stale).
const UNREADABLE_RETRIES = 20;
const RETRY_MS = 25;

/**
 * Locks `dataDir` for this process, or throws DataDirLockedError naming the live holder. The
 * returned function releases it (once; it is also released when the process exits).
 */
export function lockDataDir(dataDir: string, command: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, since: new Date().toISOString(), command } satisfies TLockHolder);
  for (let attempt = 0; !create(file, mine); attempt++) {
    if (attempt >= 10) throw new Error(`cannot take over the stale lock ${file}`);
    const found = readLock(file);
    if (found === null) continue; // removed in between: try again
    if (found.holder && isAlive(found.holder, file)) throw new DataDirLockedError(dataDir, found.holder);
    removeStale(file, found.text);
  }
  heldHere.add(file);
  const release = () => {
    process.off('exit', release);
    if (!heldHere.delete(file)) return;
    // Only our own lock: should one have been taken over wrongly, it is not ours to remove.
    if (readLock(file)?.text === mine) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return release;
}

function create(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    fs.writeSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/** The lock's text and, when it reads as one, its holder; null when there is no lock file. */
function readLock(file: string): { text: string; holder: TLockHolder | null } | null {
  for (let i = 0; ; i++) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const holder = parseHolder(text);
    if (holder || i >= UNREADABLE_RETRIES) return { text, holder };
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RETRY_MS);
  }
}

function parseHolder(text: string): TLockHolder | null {
  try {
    const entry = JSON.parse(text) as Partial<TLockHolder>;
    if (Number.isInteger(entry.pid) && typeof entry.since === 'string' && typeof entry.command === 'string')
      return entry as TLockHolder;
  } catch {
    // damaged: null below
  }
  return null;
}

function isAlive(holder: TLockHolder, file: string): boolean {
  if (holder.pid === process.pid) return heldHere.has(file);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists, only it is not ours to signal.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the stale lock that read as `staleText`. It is first moved aside, which only one
 * process can do to a given file, and checked: if another process had taken it over in between,
 * the lock moved is that process's live one, and it is put back.
 */
function removeStale(file: string, staleText: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    if (fs.readFileSync(aside, 'utf8') !== staleText) fs.linkSync(aside, file);
  } catch {
    // A newer lock is in place already: it decides.
  } finally {
    fs.rmSync(aside, { force: true });
  }
}
