import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TConfig } from './config';

// The secret link codes are hashed with (core/linking/code-hash.ts explains why). It must live
// outside the database — a leaked dump or backup must not carry it — and be the same for the
// server and the `dnevnik codes` command. LINK_CODE_PEPPER wins when set (several hosts, or a
// secret manager); otherwise one is generated once into DATA_DIR, readable by the owner only.

export const PEPPER_FILE = 'link-code-pepper';

export function loadLinkCodePepper(config: Pick<TConfig, 'LINK_CODE_PEPPER' | 'DATA_DIR'>): Buffer {
  if (config.LINK_CODE_PEPPER) return Buffer.from(config.LINK_CODE_PEPPER, 'utf8');
  const file = path.join(config.DATA_DIR, PEPPER_FILE);
  fs.mkdirSync(config.DATA_DIR, { recursive: true });
  if (!fs.existsSync(file)) {
    // Written aside, then linked into place: of two processes starting at once, one secret wins
    // and neither ever reads a half-written file.
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.unlinkSync(draft);
    }
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} is damaged: expected a 64-character hex secret`);
  return Buffer.from(secret, 'utf8');
}
