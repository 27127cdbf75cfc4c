import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { SecretSeal } from '../core/journal-keys';
import type { TConfig } from './config';
import { readOrCreateSecretFile } from './secret-file';

// Schools' journal-key secrets are needed in the clear to check each request's HMAC, so they are
// sealed (AES-256-GCM) rather than hashed, under a key that never enters the database: a dump or
// a backup alone opens none of them. JOURNAL_KEY_SEAL_KEY wins when set (several hosts must share
// it); otherwise one is generated once into DATA_DIR. Each sealed secret names the fingerprint of
// the key that sealed it, so a rotation can keep the previous key for opening
// (JOURNAL_KEY_SEAL_KEY_PREVIOUS) until `dnevnik journal-keys reseal` has moved every secret over.

export const SEAL_KEY_FILE = 'journal-key-seal-key';

interface TSealKey {
  fingerprint: string;
  key: Buffer;
}

export function journalSealKey(secret: string): TSealKey {
  return {
    key: createHash('sha256').update(`dnevnik journal-key seal\0${secret}`).digest(),
    fingerprint: createHash('sha256')
      .update(`dnevnik journal-key seal fingerprint\0${secret}`)
      .digest('hex')
      .slice(0, 16),
  };
}

export function loadJournalKeySeal(
  config: Pick<TConfig, 'JOURNAL_KEY_SEAL_KEY' | 'JOURNAL_KEY_SEAL_KEY_PREVIOUS' | 'DATA_DIR'>,
): SecretSeal {
  const current = journalSealKey(
    config.JOURNAL_KEY_SEAL_KEY ?? readOrCreateSecretFile(path.join(config.DATA_DIR, SEAL_KEY_FILE)),
  );
  const previous = config.JOURNAL_KEY_SEAL_KEY_PREVIOUS
    ? journalSealKey(config.JOURNAL_KEY_SEAL_KEY_PREVIOUS)
    : undefined;
  return createSecretSeal(current, previous);
}

export function createSecretSeal(current: TSealKey, previous?: TSealKey): SecretSeal {
  const byFingerprint = new Map([current, ...(previous ? [previous] : [])].map((k) => [k.fingerprint, k]));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        'v1',
        current.fingerprint,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },
    open(sealed) {
      const [version, fingerprint, iv, tag, body] = sealed.split('.');
      const key = byFingerprint.get(fingerprint);
      if (version !== 'v1' || !key) throw new Error(`sealed under an unknown key (fingerprint ${fingerprint ?? '?'})`);
      const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    isCurrent: (sealed) => sealed.split('.')[1] === current.fingerprint,
  };
}
