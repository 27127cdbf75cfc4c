// Where Amazon takes people back after account linking: one host per Alexa region (North America,
// Europe, Far East), at /api/skill/link/<vendor id> — the id of the skill's developer account. The
// skill's account-linking page lists them as "Alexa Redirect URLs" (developer.amazon.com, "Configure
// an Authorization Code Grant"); Amazon sends the one of the person's region as redirect_uri.

export const AMAZON_REDIRECT_HOSTS = ['pitangui.amazon.com', 'layla.amazon.com', 'alexa.amazon.co.jp'] as const;

/** A vendor id as Amazon shows it: capital letters and digits (M2AAAAAAAAAAAA). */
export const AMAZON_VENDOR_ID = /^[A-Z0-9]{1,64}$/;

const escapeHost = (host: string) => host.replace(/\./g, '\\.');

/**
 * Matches Amazon's redirect URIs whole: https, one of the three hosts, no port, query or fragment;
 * of `vendorId` only when given, otherwise of any vendor (the client secret still guards the token).
 */
export function amazonRedirectPattern(vendorId?: string): RegExp {
  if (vendorId !== undefined && !AMAZON_VENDOR_ID.test(vendorId)) throw new Error('not an Amazon vendor id');
  const hosts = AMAZON_REDIRECT_HOSTS.map(escapeHost).join('|');
  return new RegExp(`^https://(?:${hosts})/api/skill/link/${vendorId ?? '[A-Z0-9]{1,64}'}$`);
}
