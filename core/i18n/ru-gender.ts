// Russian past tense agrees with its subject: «Маша пришла», «Петя пришёл». The journal sends no
// gender, so it is read from the name: a patronymic tells it for certain (-вна/-чна a girl's,
// -ич a boy's); else a first name in -а/-я is a girl's except the boys' names of that shape
// (Никита, Илья, Миша …), one ending in a consonant a boy's except the girls' listed. A name either
// could be (Саша, Женя) or one not known gets null: the caller chooses a wording that needs no
// gender, or its default.

export type TNameGender = 'f' | 'm' | null;

const BOYS_IN_A = new Set(
  [
    'Никита',
    'Илья',
    'Кузьма',
    'Фома',
    'Лука',
    'Савва',
    'Данила',
    'Гаврила',
    'Миша',
    'Петя',
    'Ваня',
    'Дима',
    'Гоша',
    'Паша',
    'Лёша',
    'Алёша',
    'Серёжа',
    'Коля',
    'Толя',
    'Витя',
    'Вова',
    'Боря',
    'Гриша',
    'Лёва',
    'Стёпа',
    'Федя',
    'Тима',
    'Костя',
    'Сеня',
    'Митя',
    'Юра',
    'Рома',
    'Даня',
    'Тёма',
    'Гена',
    'Жора',
    'Кирюша',
    'Андрюша',
    'Ванюша',
    'Сева',
    'Егорка',
    'Тёмка',
    'Матвейка',
    'Лёня',
    'Сёма',
    'Володя',
    'Валера',
    'Яша',
  ].map((n) => n.replace(/ё/g, 'е')),
);

const GIRLS_IN_CONSONANT = new Set(['Любовь', 'Нинель', 'Эстер', 'Руфь', 'Ассоль', 'Кармен', 'Ирэн', 'Адель']);

/** Either: a boy's or a girl's name alike. */
const EITHER = new Set(['Саша', 'Женя', 'Валя', 'Шура', 'Сима', 'Мишель', 'Слава']);

export function russianGender(firstName: string, middleName?: string | null): TNameGender {
  const patronymic = (middleName ?? '').trim().toLowerCase();
  if (/(вна|чна|кызы)$/.test(patronymic)) return 'f';
  if (/(ич|оглы|улы)$/.test(patronymic)) return 'm';
  const name = firstName.trim().replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  if (!/^[А-Я][а-я-]+$/.test(name) || EITHER.has(name)) return null;
  if (GIRLS_IN_CONSONANT.has(name)) return 'f';
  if (/[ая]$/.test(name)) return BOYS_IN_A.has(name) ? 'm' : 'f';
  if (/[бвгджзклмнпрстфхцчшщйь]$/.test(name)) return 'm';
  return null;
}
