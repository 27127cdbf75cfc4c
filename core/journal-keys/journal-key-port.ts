/** A school's key for the journal API, as listed (the secret is never listed). */
export interface TJournalKey {
  keyId: string;
  schoolId: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface JournalKeyStore {
  /**
   * Stores a new key unless its school already has `maxLive` live keys; checked and written
   * atomically, so two `create`s at once cannot both pass. Returns false when refused.
   */
  insertIfRoom(key: { keyId: string; schoolId: string; sealedSecret: string }, maxLive: number): Promise<boolean>;
  list(): Promise<TJournalKey[]>;
  /** false when no live key has this id. */
  revoke(keyId: string): Promise<boolean>;
  /** A live (not revoked) key. */
  findLive(keyId: string): Promise<{ schoolId: string; sealedSecret: string } | null>;
  /** Every key's sealed secret (revoked ones too), to seal them anew under a rotated key. */
  allSealed(): Promise<{ keyId: string; sealedSecret: string }[]>;
  replaceSealed(keyId: string, sealedSecret: string): Promise<void>;
}

/** Seals secrets under a key kept outside the database; `open` throws for a seal it cannot open. */
export interface SecretSeal {
  seal(plain: string): string;
  open(sealed: string): string;
  /** Whether `sealed` was made with the current key (no reseal needed). */
  isCurrent(sealed: string): boolean;
}
