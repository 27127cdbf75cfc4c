import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import { ZIdSchema } from '../ingest/event-schemas';
import type { JournalKeyStore, SecretSeal, TJournalKey } from './journal-key-port';

// Per-school keys for the journal API (README "Schools as tenants"). A school may hold two live
// keys, so a new one can be handed to its system before the old one is revoked.

export const MAX_LIVE_KEYS_PER_SCHOOL = 2;

export interface JournalKeys {
  /** The secret is returned here once and never again. */
  create(schoolId: string): Promise<{ keyId: string; schoolId: string; secret: string }>;
  list(): Promise<TJournalKey[]>;
  revoke(keyId: string): Promise<void>;
  /** The school and secret of a live key, or null (unknown, revoked, or sealed under a key this process lacks). */
  resolve(keyId: string): Promise<{ schoolId: string; secret: string } | null>;
  /**
   * Seals every stored secret anew under the current seal key. Secrets sealed under a key this
   * process does not have (neither the current nor the previous one) are left and named.
   */
  reseal(): Promise<{ resealed: number; unopenable: string[] }>;
}

// Key ids are public (sent in a header), so they carry nothing of the school.
const newKeyId = () => `jk_${randomBytes(9).toString('base64url')}`;
const KEY_ID = /^jk_[A-Za-z0-9_-]{12}$/;

export function createJournalKeys(deps: {
  store: JournalKeyStore;
  seal: SecretSeal;
  onUnopenable?: (keyId: string) => void;
}): JournalKeys {
  return {
    async create(schoolId) {
      const parsed = ZIdSchema.safeParse(schoolId);
      if (!parsed.success) throw new AppError('bad_request', 'a school id is 1 to 128 characters');
      const keyId = newKeyId();
      const secret = randomBytes(32).toString('base64url');
      const stored = await deps.store.insertIfRoom(
        { keyId, schoolId: parsed.data, sealedSecret: deps.seal.seal(secret) },
        MAX_LIVE_KEYS_PER_SCHOOL,
      );
      if (!stored) {
        throw new AppError(
          'bad_request',
          `school "${parsed.data}" already has ${MAX_LIVE_KEYS_PER_SCHOOL} live keys; revoke one first (dnevnik journal-keys list, then dnevnik journal-keys revoke <keyId>)`,
        );
      }
      return { keyId, schoolId: parsed.data, secret };
    },
    list: () => deps.store.list(),
    async revoke(keyId) {
      if (!(await deps.store.revoke(keyId))) throw new AppError('not_found', `no live journal key "${keyId}"`);
    },
    async resolve(keyId) {
      if (!KEY_ID.test(keyId)) return null;
      const key = await deps.store.findLive(keyId);
      if (!key) return null;
      try {
        return { schoolId: key.schoolId, secret: deps.seal.open(key.sealedSecret) };
      } catch {
        deps.onUnopenable?.(keyId);
        return null;
      }
    },
    async reseal() {
      const result = { resealed: 0, unopenable: [] as string[] };
      for (const key of await deps.store.allSealed()) {
        if (deps.seal.isCurrent(key.sealedSecret)) continue;
        let secret: string;
        try {
          secret = deps.seal.open(key.sealedSecret);
        } catch {
          result.unopenable.push(key.keyId);
          continue;
        }
        await deps.store.replaceSealed(key.keyId, deps.seal.seal(secret));
        result.resealed++;
      }
      return result;
    },
  };
}
