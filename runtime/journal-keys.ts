import type { SecretSeal } from '../core/journal-keys';
import { createJournalKeys, type JournalKeys } from '../core/journal-keys';
import type { TConfig } from '../infra/config';
import { loadJournalKeySeal } from '../infra/journal-key-seal';
import type { Logger } from '../infra/logger';
import type { Stores } from '../prisma/stores';

/**
 * Schools' journal keys. The seal key is read (or generated into DATA_DIR) when a secret is first
 * sealed or opened, not at start: most commands, and requests naming no live key, never need it.
 */
export function buildJournalKeys(config: TConfig, stores: Stores, logger: Logger): JournalKeys {
  let loaded: SecretSeal | undefined;
  const seal = () => (loaded ??= loadJournalKeySeal(config));
  return createJournalKeys({
    store: stores.journalKeys,
    seal: {
      seal: (plain) => seal().seal(plain),
      open: (sealed) => seal().open(sealed),
      isCurrent: (sealed) => seal().isCurrent(sealed),
    },
    onUnopenable: (keyId) =>
      logger.error(
        { keyId },
        'journal key sealed under a seal key this process lacks: set JOURNAL_KEY_SEAL_KEY (and _PREVIOUS) as on the host that created it',
      ),
  });
}
