import { transliterate } from '../i18n/transliterate';

// A parent says "у Маши" for Мария: a spoken first name matches a stored one through its
// everyday short forms. ё and е are one letter in speech and in most keyboards.

const SHORT_FORMS: Record<string, readonly string[]> = {
  александр: ['саша', 'шура', 'alex', 'sasha'],
  александра: ['саша', 'шура', 'sasha'],
  алексей: ['леша', 'алеша', 'alexey'],
  анастасия: ['настя', 'nastya'],
  анна: ['аня', 'ann', 'anna'],
  артем: ['тема', 'artem'],
  дарья: ['даша', 'dasha', 'daria'],
  дмитрий: ['дима', 'dima'],
  евгений: ['женя'],
  евгения: ['женя'],
  екатерина: ['катя', 'katya', 'kate'],
  елена: ['лена'],
  иван: ['ваня', 'ivan'],
  кирилл: ['kirill'],
  ксения: ['ксюша'],
  мария: ['маша', 'masha', 'maria', 'mary'],
  михаил: ['миша', 'misha'],
  никита: ['nikita'],
  николай: ['коля'],
  ольга: ['оля'],
  павел: ['паша'],
  полина: ['поля', 'polina'],
  сергей: ['сережа'],
  софия: ['соня', 'sofia'],
  софья: ['соня'],
  татьяна: ['таня'],
  владимир: ['вова', 'володя'],
  виктория: ['вика'],
  егор: ['egor'],
  максим: ['макс', 'max'],
};

function fold(name: string): string {
  return name.trim().toLowerCase().replace(/ё/g, 'е');
}

/** true when `spoken` can mean the stored first name. */
export function firstNameMatches(stored: string, spoken: string): boolean {
  const a = fold(stored);
  const b = fold(spoken);
  if (a === b) return true;
  // Typed or said in English, a name is the Latin spelling English answers show (Дарья → darya,
  // Артём → artyom or artem).
  if (b === fold(transliterate(stored)) || b === transliterate(a)) return true;
  return (SHORT_FORMS[a] ?? []).includes(b);
}
