// The languages people read and hear: Russian first, English complete (Alexa has no Russian).
// One type for all of them, so a chat's language passes from linking to answers to alerts unchanged.

export type TLang = 'ru' | 'en';

export const LANGS: readonly TLang[] = ['ru', 'en'];

export { russianGender, type TNameGender } from './ru-gender';
export { transliterate } from './transliterate';
