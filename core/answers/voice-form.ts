/**
 * The forms one voice answer is rendered in. Alice shows `text` and speaks `tts`
 * (docs/platforms.md): what is shown has digits ("351,50 ₽", "5 уроков"), what is spoken has
 * words, so that the synthesiser agrees the nouns ("две четвёрки", never "два четвёрки"). Alexa
 * speaks English only: its SSML is spoken too, and free text written in Russian is named, not read.
 */
export type TVoiceForm = 'shown' | 'spoken' | 'spoken-english';

/** How a number reads in one form: "5" where it is shown, "пять" where it is spoken. */
export type TNumberStyle = 'digits' | 'words';

export const numberStyle = (form: TVoiceForm): TNumberStyle => (form === 'shown' ? 'digits' : 'words');

/**
 * Whether an English-only voice would have to read Russian: a Cyrillic letter anywhere. Such a
 * voice spells Cyrillic letter by letter or skips it, and a transliteration ("Prochitat s. 106")
 * is no English either.
 */
export const hasCyrillic = (text: string): boolean => /[\u0400-\u04FF]/.test(text);
