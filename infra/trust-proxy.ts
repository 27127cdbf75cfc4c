import { isIP } from 'node:net';

// TRUST_PROXY: whose X-Forwarded-For the server believes, as Express's `trust proxy` setting. It
// decides req.ip, which the sign-in page's brake on wrong codes counts by: believing a header any
// client can write would let one client pose as many. `loopback` (the default) believes a proxy on
// the same machine; a hop count, the proxies in front; addresses or CIDRs, exactly those; `none`,
// nobody (req.ip is the connection's own address).

/** What Express's `trust proxy` is set to: nobody, a number of hops, or addresses, CIDRs and Express's named ranges. */
export type TTrustProxy = false | number | string[];

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** The setting TRUST_PROXY names, or null when it names none. */
export function parseTrustProxy(value: string): TTrustProxy | null {
  const v = value.trim().toLowerCase();
  if (v === 'none') return false;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const entries = v.split(',').map((e) => e.trim());
  return entries.every(isAddressOrCidr) ? entries : null;
}
