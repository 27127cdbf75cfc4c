import { letterChannelLines, letterQrUrl, type TCodeLetter } from '../../cli/code-letters-pdf';
import { hasLetterChannel, letterChannels, NO_LETTER_CHANNEL } from '../../cli/letter-channels';
import { generateLinkCode, maxLinkUrl } from '../../core/linking';
import { parseConfig } from '../../infra/config';

// A school letter names only the channels this installation has: no default bot, and Alice by the
// activation name the operator set.

const LETTER: TCodeLetter = {
  grant: { role: 'guardian', studentId: 'st1', teacherId: null, firstName: 'Маша', className: '5А' },
  addressee: 'Иванова Маша, 5А',
  code: '481526047391',
  telegramUrl: null,
  vkUrl: null,
  maxUrl: null,
  expires: '12 декабря 2026',
};

describe('letter channels', () => {
  it('nothing configured: no channel, and the refusal says what to set', () => {
    const channels = letterChannels(parseConfig({}));
    expect(channels).toEqual({ telegram: null, vk: null, max: null, alice: null, alexa: null });
    expect(hasLetterChannel(channels)).toBe(false);
    expect(NO_LETTER_CHANNEL).toMatch(/TELEGRAM_BOT_USERNAME/);
    expect(NO_LETTER_CHANNEL).toMatch(/MAX_BOT_USERNAME/);
    expect(NO_LETTER_CHANNEL).not.toContain('\n');
  });

  it('each configured channel on its own is enough', () => {
    for (const env of [
      { TELEGRAM_BOT_USERNAME: '@school_diary_bot' },
      { VK_GROUP_ID: '12345' },
      { MAX_BOT_USERNAME: '@school_diary_max_bot' },
      { ALICE_SKILL_NAME: 'Школьный помощник' },
      { ALEXA_SKILL_ID: 'amzn1.ask.skill.x' },
    ]) {
      expect(hasLetterChannel(letterChannels(parseConfig(env)))).toBe(true);
    }
    const channels = letterChannels(parseConfig({ TELEGRAM_BOT_USERNAME: '@school_diary_bot', VK_GROUP_ID: '12345' }));
    expect(channels.telegram!('481526047391')).toBe('https://t.me/school_diary_bot?start=481526047391');
    expect(channels.vk!('481526047391')).toBe('https://vk.me/club12345?ref=481526047391');
    expect(channels.max).toBeNull();
  });

  it('MAX: the deep link carries the code as its start payload, a leading @ dropped', () => {
    const channels = letterChannels(parseConfig({ MAX_BOT_USERNAME: '@school_diary_max_bot' }));
    expect(channels.max!('481526047391')).toBe('https://max.ru/school_diary_max_bot?start=481526047391');
    // The runtime's configuration drops the @ already; the link does too, as the Telegram one does.
    expect(maxLinkUrl('@school_diary_max_bot', '481526047391')).toBe(
      'https://max.ru/school_diary_max_bot?start=481526047391',
    );
    // MAX hands the bot at most 128 characters of start payload.
    const code = generateLinkCode();
    const payload = new URL(maxLinkUrl('school_diary_max_bot', code)).searchParams.get('start');
    expect(payload).toBe(code);
    expect(payload!.length).toBeLessThanOrEqual(128);
  });

  it('the voice line names the configured Alice skill, in both languages; none without it', () => {
    const alice = { alice: 'Школьный помощник', alexa: null };
    expect(letterChannelLines(LETTER, alice, 'ru')).toEqual([
      'Алиса: скажите «Алиса, запусти навык Школьный помощник» и назовите код.',
    ]);
    expect(letterChannelLines(LETTER, alice, 'en')).toEqual([
      'Alice: say «Алиса, запусти навык Школьный помощник» and read out the code.',
    ]);
    expect(
      letterChannelLines({ ...LETTER, vkUrl: 'https://vk.me/club1?ref=1' }, { alice: null, alexa: null }, 'ru').join(
        '\n',
      ),
    ).not.toMatch(/Алиса|Дневник/);
  });

  it('the QR code carries Telegram when there is a bot, else VK: the lines say which', () => {
    const both = letterChannelLines(
      { ...LETTER, telegramUrl: 'https://t.me/b?start=1', vkUrl: 'https://vk.me/club1?ref=1' },
      { alice: null, alexa: null },
      'ru',
    );
    expect(both).toEqual([
      'Telegram: наведите камеру телефона на QR-код или откройте ссылку https://t.me/b?start=1',
      'ВКонтакте: https://vk.me/club1?ref=1',
    ]);
    const vkOnly = letterChannelLines(
      { ...LETTER, vkUrl: 'https://vk.me/club1?ref=1' },
      { alice: null, alexa: 'school diary' },
      'en',
    );
    expect(vkOnly).toEqual([
      'VK: point your phone’s camera at the QR code or open https://vk.me/club1?ref=1',
      'Alexa: say “Alexa, open school diary” and read out the code.',
    ]);
  });
});

describe('letter channels: MAX', () => {
  const TG = 'https://t.me/b?start=1';
  const MAX = 'https://max.ru/b?start=1';
  const VK = 'https://vk.me/club1?ref=1';
  const noVoice = { alice: null, alexa: null };

  it('the QR code carries Telegram, else MAX, else VK', () => {
    expect(letterQrUrl({ ...LETTER, telegramUrl: TG, maxUrl: MAX, vkUrl: VK })).toBe(TG);
    expect(letterQrUrl({ ...LETTER, maxUrl: MAX, vkUrl: VK })).toBe(MAX);
    expect(letterQrUrl({ ...LETTER, vkUrl: VK })).toBe(VK);
    expect(letterQrUrl(LETTER)).toBeNull();
  });

  it('all three: Telegram with the QR code, then MAX and VK as plain links', () => {
    expect(letterChannelLines({ ...LETTER, telegramUrl: TG, maxUrl: MAX, vkUrl: VK }, noVoice, 'ru')).toEqual([
      `Telegram: наведите камеру телефона на QR-код или откройте ссылку ${TG}`,
      `MAX: ${MAX}`,
      `ВКонтакте: ${VK}`,
    ]);
  });

  it('no Telegram bot: MAX carries the QR code, in both languages', () => {
    expect(letterChannelLines({ ...LETTER, maxUrl: MAX, vkUrl: VK }, noVoice, 'ru')).toEqual([
      `MAX: наведите камеру телефона на QR-код или откройте ссылку ${MAX}`,
      `ВКонтакте: ${VK}`,
    ]);
    expect(letterChannelLines({ ...LETTER, maxUrl: MAX }, noVoice, 'en')).toEqual([
      `MAX: point your phone’s camera at the QR code or open ${MAX}`,
    ]);
  });

  it('no MAX bot: no MAX line', () => {
    const lines = letterChannelLines({ ...LETTER, telegramUrl: TG, vkUrl: VK }, noVoice, 'ru').join('\n');
    expect(lines).not.toMatch(/MAX|max\.ru/);
  });
});
