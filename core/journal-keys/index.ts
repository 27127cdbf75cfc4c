// The public face of core/journal-keys: outside core, the module is imported only from here.

export type { JournalKeyStore, SecretSeal } from './journal-key-port';
export type { JournalKeys } from './journal-keys';
export { createJournalKeys } from './journal-keys';
