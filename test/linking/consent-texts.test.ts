import type { TLang } from '../../core/i18n';
import {
  audienceOfScope,
  CURRENT_CONSENT_VERSION,
  consentText,
  currentConsentHashes,
} from '../../core/linking/consent-texts';
import { refusalMessage } from '../../core/linking/link-messages';
import type { TLinkChannel } from '../../core/linking/linking-types';
import { LINKING_TEXTS } from '../../core/linking/locales';

// What the consent says: whose servers carry the messages on the channel in use, in words for a
// parent or for a pupil; and that a changed text is a new version nobody has accepted yet.

/** Who each channel's text must name as carrying the messages. */
const CARRIER_NAMES: Record<TLang, Record<Exclude<TLinkChannel, 'playground'>, RegExp>> = {
  ru: {
    telegram: /Telegram/,
    vk: /ВКонтакте.*VK/,
    max: /MAX.*Коммуникационная платформа/,
    alice: /Алис.*Яндекс/,
    alexa: /Alexa.*Amazon/,
    web: /Алис.*Яндекс/,
  },
  en: {
    telegram: /Telegram/,
    vk: /VK/,
    max: /MAX.*Communication Platform/,
    alice: /Alice.*Yandex/,
    alexa: /Alexa.*Amazon/,
    web: /Alice.*Yandex/,
  },
};

// The hashes of the texts of version 2026-01, which said the data "is not passed to anyone else"
// without naming the messenger. Consents to them must no longer count.
const HASHES_2026_01 = [
  '7cf77ac303bb36834889ae83f50e7e2506e2eeab2785682fdfb8280be4cf8b2e', // ru, chat
  'de2f04bc74d592485950bee2218bf915d0bcd21fb4bfe0d5f650293a90a2efa7', // ru, voice
  '4f8958631f8d1ec4823f26704dc2b5bfc4a2c4d800af05363e4173ec38c7f55a', // en, chat
  'df81100fcfe2fca0ab0322e79dbad45def04beb21f5558fcef3109ab0d2ec120', // en, voice
];

describe('consent texts name the channel that carries the messages', () => {
  for (const locale of ['ru', 'en'] as const) {
    for (const [channel, name] of Object.entries(CARRIER_NAMES[locale]) as [TLinkChannel, RegExp][]) {
      test(`${locale} ${channel}: adult and pupil texts both name it`, () => {
        for (const audience of ['adult', 'pupil'] as const) {
          const { text } = consentText(locale, channel, audience);
          expect(text).toMatch(name);
          expect(text).toMatch(locale === 'ru' ? /сервер|компьютер/ : /server|computer/);
        }
      });
    }
  }

  test('a messenger abroad is said to be abroad', () => {
    expect(consentText('ru', 'telegram').text).toMatch(/за пределами России/);
    expect(consentText('ru', 'alexa').text).toMatch(/за пределами России/);
    expect(consentText('en', 'telegram').text).toMatch(/outside Russia/);
  });

  test('every channel has an entry in every locale, so a new channel cannot go without one', () => {
    const channels: TLinkChannel[] = ['telegram', 'vk', 'max', 'alice', 'alexa', 'web', 'playground'];
    for (const locale of ['ru', 'en'] as const)
      expect(Object.keys(LINKING_TEXTS[locale].consent.carriers).sort()).toEqual([...channels].sort());
  });

  test('the voice forms are short enough to be spoken with the grant (Alice: 1024 characters)', () => {
    for (const locale of ['ru', 'en'] as const) {
      for (const audience of ['adult', 'pupil'] as const) {
        for (const channel of ['alice', 'alexa'] as const)
          expect(consentText(locale, channel, audience).text.length).toBeLessThan(700);
      }
    }
  });
});

describe('a pupil reads a text written to a pupil', () => {
  test('addressed to the child, with its own title and hash', () => {
    const pupil = consentText('ru', 'telegram', 'pupil');
    const adult = consentText('ru', 'telegram', 'adult');
    expect(pupil.title).not.toBe(adult.title);
    expect(pupil.hash).not.toBe(adult.hash);
    expect(pupil.text).toMatch(/ твои оценки/);
    expect(pupil.text).toMatch(/если ты согласен/);
    expect(pupil.text).not.toMatch(/законный представитель/);
    expect(consentText('en', 'vk', 'pupil').text).toMatch(/^Hi!/);
    expect(consentText('ru', 'alice', 'pupil').text).toMatch(/Ты согласен\? Скажи/);
  });

  test('a person linked only to themselves is a pupil; a parent or teacher is not', () => {
    const student = { id: 'st1' } as never;
    expect(audienceOfScope({ linkedStudents: [student], selfStudentIds: ['st1'], teacherIds: [] })).toBe('pupil');
    expect(audienceOfScope({ linkedStudents: [student], selfStudentIds: [], teacherIds: [] })).toBe('adult');
    expect(audienceOfScope({ linkedStudents: [], selfStudentIds: [], teacherIds: ['t1'] })).toBe('adult');
    expect(audienceOfScope({ linkedStudents: [], selfStudentIds: [], teacherIds: [] })).toBe('adult');
  });

  test('a pupil whose school wants a parent first is told so politely, in both languages', () => {
    expect(refusalMessage('ru', { reason: 'guardian_first' })).toMatch(/родител/);
    expect(refusalMessage('en', { reason: 'guardian_first' })).toMatch(/parent/);
  });
});

describe('a changed text is a new version', () => {
  test('the version moved on from 2026-01 in every locale', () => {
    expect(CURRENT_CONSENT_VERSION).not.toBe('2026-01');
    for (const texts of Object.values(LINKING_TEXTS)) expect(texts.consent.version).toBe(CURRENT_CONSENT_VERSION);
  });

  test('no text accepted under 2026-01 is current any more', () => {
    const current = currentConsentHashes();
    for (const old of HASHES_2026_01) expect(current.has(old)).toBe(false);
    // Every locale × channel × audience is a current text.
    expect(current.has(consentText('en', 'alexa', 'pupil').hash)).toBe(true);
    expect(current.has(consentText('ru', 'web', 'adult').hash)).toBe(true);
  });
});
