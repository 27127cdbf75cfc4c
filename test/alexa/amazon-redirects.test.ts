import { AMAZON_REDIRECT_HOSTS, amazonRedirectPattern } from '../../core/oauth';

// Amazon's account-linking redirect URLs: the three regional hosts, /api/skill/link/<vendor id>, nothing more.

describe('Amazon redirect URLs', () => {
  const pinned = amazonRedirectPattern('M2AAAAAAAAAAAA');
  const anyVendor = amazonRedirectPattern();

  it('accepts each region’s URL of the vendor', () => {
    for (const host of AMAZON_REDIRECT_HOSTS) {
      expect(pinned.test(`https://${host}/api/skill/link/M2AAAAAAAAAAAA`)).toBe(true);
      expect(anyVendor.test(`https://${host}/api/skill/link/M1372REJTJ5N4Z`)).toBe(true);
    }
  });

  it('refuses another vendor when one is pinned, and anything not exactly Amazon’s', () => {
    expect(pinned.test('https://layla.amazon.com/api/skill/link/M1372REJTJ5N4Z')).toBe(false);
    for (const uri of [
      'http://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA',
      'https://layla.amazon.com.evil.example/api/skill/link/M2AAAAAAAAAAAA',
      'https://evil.example/layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA',
      'https://laylaXamazon.com/api/skill/link/M2AAAAAAAAAAAA',
      'https://layla.amazon.com:444/api/skill/link/M2AAAAAAAAAAAA',
      'https://user@layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA',
      'https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA/',
      'https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA?x=1',
      'https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA#x',
      'https://layla.amazon.com/api/skill/link/m2aaaaaaaaaaaa',
      'https://layla.amazon.com/api/skill/link/',
      'https://www.amazon.com/api/skill/link/M2AAAAAAAAAAAA',
    ]) {
      expect([uri, anyVendor.test(uri)]).toEqual([uri, false]);
    }
  });

  it('refuses to build a pattern from something that is not a vendor id', () => {
    expect(() => amazonRedirectPattern('M2.*')).toThrow(/vendor id/);
    expect(() => amazonRedirectPattern('')).toThrow(/vendor id/);
  });
});
