import { scryptSync } from 'node:crypto';
import type { DeploymentFactsStore } from '../prisma/stores/linking/deployment-facts-store';

// A code can only be redeemed with the pepper it was issued with, so a deployment must keep one
// pepper for good: a server started with another (DATA_DIR restored without its pepper file, a
// mistyped LINK_CODE_PEPPER) would print letters no one can use. The first start records the
// pepper's fingerprint in the database; every later start and every `dnevnik codes` compares.

export const PEPPER_FINGERPRINT_KEY = 'link-code-pepper-fingerprint';

/**
 * 16 hex characters that do not give the pepper away. scrypt rather than a plain hash: a pepper a
 * person chose (LINK_CODE_PEPPER) may be guessable, and whoever reads the table should not be
 * able to try guesses quickly.
 */
export function linkCodePepperFingerprint(pepper: Uint8Array): string {
  return scryptSync(pepper, 'dnevnik link-code pepper fingerprint', 8, { N: 2 ** 14, r: 8, p: 1 }).toString('hex');
}

export type TPepperVerdict = { ok: true; fingerprint: string } | { ok: false; fingerprint: string; recorded: string };

export interface PepperCheck {
  /**
   * Records the fingerprint when the database has none, and compares. Read every time (one row):
   * another process may have recorded or replaced it since.
   */
  verify(): Promise<TPepperVerdict>;
  /** Makes the pepper in use this database's: for when the original is lost for good. */
  adopt(): Promise<void>;
}

export function createPepperCheck(facts: DeploymentFactsStore, pepper: Uint8Array): PepperCheck {
  let fingerprint: string | undefined;
  // Computed at the first use (scrypt takes a few tens of milliseconds).
  const mine = () => (fingerprint ??= linkCodePepperFingerprint(pepper));
  return {
    async verify() {
      const recorded =
        (await facts.read(PEPPER_FINGERPRINT_KEY)) ?? (await facts.recordOnce(PEPPER_FINGERPRINT_KEY, mine()));
      return recorded === mine() ? { ok: true, fingerprint: recorded } : { ok: false, fingerprint: mine(), recorded };
    },
    adopt: () => facts.replace(PEPPER_FINGERPRINT_KEY, mine()),
  };
}

/** The one line an operator reads, from the server's log or `dnevnik codes`. */
export function pepperMismatchText(verdict: { fingerprint: string; recorded: string }): string {
  return (
    `the link-code pepper differs from the one this database was set up with (fingerprint ${verdict.recorded}, in use ${verdict.fingerprint}); ` +
    'codes issued with it could never be redeemed. Set LINK_CODE_PEPPER or LINK_CODE_PEPPER_FILE to the original secret'
  );
}
