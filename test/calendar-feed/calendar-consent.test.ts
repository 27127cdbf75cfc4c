import { CURRENT_CONSENT_VERSION, consentText, currentConsentHashes } from '../../core/linking/consent-texts';

// The consent names the calendar services a feed goes to; saying so changed the words, so it is a
// new version and consents to the text before it (2026-12) are asked again.

describe('consent and the calendar feed', () => {
  it('tells parents and pupils, in both languages, that their calendar service receives the feed', () => {
    for (const audience of ['adult', 'pupil'] as const) {
      for (const channel of ['telegram', 'vk'] as const) {
        expect(consentText('ru', channel, audience).text).toMatch(/календар.*\(Google, Apple, Яндекс\)/s);
        expect(consentText('en', channel, audience).text).toMatch(/calendar.*\(Google, Apple, Yandex\)/s);
      }
    }
  });

  it('says nothing of it where no feed is given out: voice skills and the sign-in page', () => {
    for (const channel of ['alice', 'alexa', 'web', 'playground'] as const) {
      expect(consentText('ru', channel).text).not.toMatch(/календар/i);
      expect(consentText('en', channel).text).not.toMatch(/calendar/i);
    }
  });

  it('is a version after 2026-12, so earlier consents no longer count', () => {
    expect(CURRENT_CONSENT_VERSION).toBe('2026-12.2');
    const hashes = currentConsentHashes();
    expect(hashes.has(consentText('ru', 'telegram').hash)).toBe(true);
  });
});
