import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, type TConfig } from './config';
import type { Logger } from './logger';
import { readOrCreateSecretFile } from './secret-file';

// The secret link codes are hashed with (core/linking/code-hash.ts explains why). It must live
// outside the database — a leaked dump or backup must not carry it — and be the same for the
// server and the `dnevnik codes` command. Either LINK_CODE_PEPPER (several hosts, or a secret
// manager) or the file LINK_CODE_PEPPER_FILE names (kept apart from DATA_DIR and its backups) —
// config refuses both at once — otherwise one generated once into DATA_DIR. A generated file is
// readable by the owner only. The database records the pepper's fingerprint (pepper-fingerprint.ts).

export const PEPPER_FILE = 'link-code-pepper';
const MIN_LENGTH = 32;

export type TPepperConfig = Pick<TConfig, 'LINK_CODE_PEPPER' | 'LINK_CODE_PEPPER_FILE' | 'DATA_DIR'>;
type TPepperLog = Pick<Logger, 'info' | 'warn'>;

export function loadLinkCodePepper(config: TPepperConfig, log?: TPepperLog): Buffer {
  if (config.LINK_CODE_PEPPER) return Buffer.from(config.LINK_CODE_PEPPER, 'utf8');
  if (config.LINK_CODE_PEPPER_FILE) return Buffer.from(readPepperFile(config.LINK_CODE_PEPPER_FILE, log), 'utf8');
  return Buffer.from(readOrCreateSecretFile(path.join(config.DATA_DIR, PEPPER_FILE)), 'utf8');
}

/**
 * The operator's own file. Missing: generated like DATA_DIR's, when its directory exists (a typo
 * in a directory name should stop start, not scatter secrets). Present: at least 32 characters,
 * and owner-only — made so when we own it; a mount we cannot change (a container secret) is
 * used with a warning, since refusing would leave no way to run.
 */
function readPepperFile(file: string, log?: TPepperLog): string {
  const invalid = (why: string) => new ConfigError(`Invalid configuration: LINK_CODE_PEPPER_FILE ${file} ${why}`);
  let stat = statIfExists(file);
  if (!stat) {
    if (!statIfExists(path.dirname(file))?.isDirectory()) throw invalid('does not exist, nor does its directory');
    readOrCreateSecretFile(file);
    log?.info({ file }, 'link-code pepper generated into LINK_CODE_PEPPER_FILE');
    stat = fs.statSync(file);
  }
  if (!stat.isFile()) throw invalid('is not a file');
  if (stat.mode & 0o077) {
    try {
      fs.chmodSync(file, stat.mode & 0o700);
      log?.warn({ file }, 'LINK_CODE_PEPPER_FILE was readable by other local users: made owner-only');
    } catch {
      log?.warn(
        { file },
        'LINK_CODE_PEPPER_FILE is readable by other local users and its mode cannot be changed here: restrict it where it is provided',
      );
    }
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_LENGTH) throw invalid(`holds ${secret.length} characters: use at least ${MIN_LENGTH}`);
  return secret;
}

function statIfExists(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
