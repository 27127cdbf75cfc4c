import { hashLinkCode } from './code-hash';
import { generateLinkCode } from './link-code';
import type { LinkingStore } from './linking-port';
import type { TLinkRole } from './linking-types';

// Minting codes for school letters. The clear code exists only in the returned value (printed
// once); the database gets its hash.

export const DEFAULT_CODE_DAYS = 14;

export interface TCodeTarget {
  role: TLinkRole;
  studentId: string | null;
  teacherId: string | null;
}

export interface TIssuedCode<T extends TCodeTarget> {
  target: T;
  /** 12 digits, no spaces */
  code: string;
  expiresAt: Date;
}

export async function issueCodes<T extends TCodeTarget>(
  store: Pick<LinkingStore, 'createCodes'>,
  pepper: Uint8Array,
  targets: readonly T[],
  options: { days?: number; now?: Date; reusable?: boolean } = {},
): Promise<TIssuedCode<T>[]> {
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + (options.days ?? DEFAULT_CODE_DAYS) * 86_400_000);
  const issued: TIssuedCode<T>[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    let code = generateLinkCode();
    // A repeat within one batch would violate the unique hash; across batches the odds are nil.
    while (seen.has(code)) code = generateLinkCode();
    seen.add(code);
    issued.push({ target, code, expiresAt });
  }
  await store.createCodes(
    issued.map(({ target, code }) => ({
      codeHash: hashLinkCode(pepper, code),
      role: target.role,
      studentId: target.studentId,
      teacherId: target.teacherId,
      expiresAt,
      ...(options.reusable ? { reusable: true } : {}),
    })),
  );
  return issued;
}
