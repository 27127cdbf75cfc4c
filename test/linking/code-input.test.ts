import { hashLinkCode } from '../../core/linking/code-hash';
import { parseCodeInput } from '../../core/linking/code-input';
import { CURRENT_CONSENT_VERSION, consentText } from '../../core/linking/consent-texts';
import { CODE_SPACE, formatLinkCode, generateLinkCode } from '../../core/linking/link-code';
import { LINKING_TEXTS } from '../../core/linking/locales';

describe('link codes', () => {
  test('12 digits, no group starting with 0, printed in groups of four', () => {
    for (let i = 0; i < 2000; i += 1) expect(generateLinkCode()).toMatch(/^([1-9]\d{3}){3}$/);
    expect(formatLinkCode('481526047391')).toBe('4815 2604 7391');
    expect(CODE_SPACE).toBe(729e9);
  });

  test('hashing is keyed: another pepper gives another hash, the code never appears', () => {
    const a = hashLinkCode(Buffer.from('a'.repeat(64)), '481526047391');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain('481526047391');
    expect(hashLinkCode(Buffer.from('b'.repeat(64)), '481526047391')).not.toBe(a);
  });
});

describe('parseCodeInput', () => {
  const code = '481526047391';
  test.each([
    '4815 2604 7391',
    '4815-2604-7391',
    '4815.2604.7391',
    '481526047391',
    ' 48 15 26 04 73 91 ',
    '4815 – 2604 — 7391',
    'мой код 4815 2604 7391',
    'https://t.me/dnevnik_bot?start=481526047391',
    'четыре восемь один пять два шесть ноль четыре семь три девять один',
    'сорок восемь пятнадцать двадцать шесть ноль четыре семьдесят три девяносто один',
    'четыре тысячи восемьсот пятнадцать две тысячи шестьсот четыре семь тысяч триста девяносто один',
    'Алиса, мой код: сорок восемь пятнадцать, 26 04, семьдесят три девяносто один',
    'four eight one five two six oh four seven three nine one',
    'forty eight fifteen twenty six zero four seventy three ninety one',
    'four thousand eight hundred fifteen two thousand six hundred and four seven thousand three hundred ninety one',
  ])('%s', (input) => {
    expect(parseCodeInput(input)).toBe(code);
  });

  test.each(['', 'оценки сегодня', '4815 2604 739', '4815 2604 7391 1', 'сорок восемь', 'у Маши 5 по математике'])(
    'not a code: %s',
    (input) => {
      expect(parseCodeInput(input)).toBeNull();
    },
  );
});

describe('consent texts', () => {
  test('every locale carries the same version and a complete text; hashes differ per wording', () => {
    for (const texts of Object.values(LINKING_TEXTS)) {
      expect(texts.consent.version).toBe(CURRENT_CONSENT_VERSION);
      expect(texts.consent.adult.text(texts.consent.carriers.telegram.adult).length).toBeGreaterThan(200);
    }
    expect(consentText('ru', 'telegram').hash).not.toBe(consentText('en', 'telegram').hash);
    expect(consentText('ru', 'alice').text).toBe(
      LINKING_TEXTS.ru.consent.adult.voice(LINKING_TEXTS.ru.consent.carriers.alice.adult),
    );
  });
});
