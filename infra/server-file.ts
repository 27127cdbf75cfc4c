import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// PGlite serves one process. While `npm start` holds the embedded database, CLI commands ask the
// server to run them instead of opening the files a second time. This file tells the CLI where
// the server listens and the token that proves the caller can read DATA_DIR (mode 0600).

export interface TServerFile {
  pid: number;
  port: number;
  token: string;
}

const fileIn = (dataDir: string) => path.join(dataDir, 'server.json');

export const newServerToken = () => randomBytes(32).toString('hex');

export function writeServerFile(dataDir: string, entry: TServerFile): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = fileIn(dataDir);
  fs.writeFileSync(file, JSON.stringify(entry), { mode: 0o600 });
  return () => {
    // Only remove our own entry: a newer server may have replaced it.
    if (readServerFile(dataDir)?.pid === entry.pid) fs.rmSync(file, { force: true });
  };
}

/** The running server's entry, or null when there is none or its process is gone. */
export function readServerFile(dataDir: string): TServerFile | null {
  let entry: TServerFile;
  try {
    entry = JSON.parse(fs.readFileSync(fileIn(dataDir), 'utf8'));
  } catch {
    return null;
  }
  if (!Number.isInteger(entry.pid) || !Number.isInteger(entry.port) || typeof entry.token !== 'string') return null;
  try {
    process.kill(entry.pid, 0);
  } catch {
    return null;
  }
  return entry;
}
