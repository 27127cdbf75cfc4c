// Russian names for the demo roster. Surnames are kept in the masculine form and the feminine
// one is derived by the usual rules; patronymics are listed in full because the irregular ones
// (Ильич, Юрьевна, ...) cannot be derived safely. `shortGen` is the everyday short name in the
// genitive, for display names like "мама Маши".

export type TGender = 'm' | 'f';

export interface TFirstName {
  name: string;
  shortGen: string;
}

export interface TFatherName {
  name: string;
  male: string;
  female: string;
}

export const SURNAMES: readonly string[] = [
  'Смирнов',
  'Попов',
  'Васильев',
  'Петров',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Андреев',
  'Макаров',
  'Никитин',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Фролов',
  'Александров',
  'Дмитриев',
  'Королёв',
  'Гусев',
  'Киселёв',
  'Ильин',
  'Максимов',
  'Поляков',
  'Сорокин',
  'Виноградов',
  'Ковалёв',
  'Белов',
  'Медведев',
  'Антонов',
  'Тарасов',
  'Жуков',
  'Баранов',
  'Филиппов',
  'Комаров',
  'Давыдов',
  'Беляев',
  'Герасимов',
  'Богданов',
  'Осипов',
  'Сидоров',
  'Матвеев',
  'Титов',
  'Марков',
  'Миронов',
  'Крылов',
  'Куликов',
  'Власов',
  'Мельников',
  'Денисов',
  'Гаврилов',
  'Казаков',
  'Афанасьев',
  'Данилов',
  'Савельев',
  'Тимофеев',
  'Чернов',
  'Абрамов',
  'Мартынов',
  'Ефимов',
  'Федотов',
  'Щербаков',
  'Назаров',
  'Калинин',
  'Исаев',
  'Чернышёв',
  'Быков',
  'Маслов',
  'Родионов',
  'Коновалов',
  'Лазарев',
  'Воронин',
  'Климов',
  'Филатов',
  'Пономарёв',
  'Голубев',
  'Кудрявцев',
  'Прохоров',
  'Наумов',
  'Потапов',
  'Журавлёв',
  'Овчинников',
  'Трофимов',
  'Леонов',
  'Соболев',
  'Ермаков',
  'Колесников',
  'Гончаров',
  'Емельянов',
  'Никифоров',
  'Грачёв',
  'Котов',
  'Гришин',
  'Ефремов',
  'Архипов',
  'Кириллов',
  'Малышев',
  'Панов',
  'Моисеев',
  'Румянцев',
  'Акимов',
  'Кондратьев',
  'Бирюков',
  'Горбунов',
  'Ерёмин',
  'Галкин',
  'Лукьянов',
  'Скворцов',
  'Юдин',
  'Белоусов',
  'Нестеров',
  'Симонов',
  'Харитонов',
  'Князев',
  'Цветков',
  'Левин',
  'Аксёнов',
  'Мальцев',
  'Логинов',
  'Горшков',
  'Савин',
  'Краснов',
  'Демидов',
  'Островский',
  'Вишневский',
  'Белых',
  'Шевченко',
  'Ковальчук',
  'Толстой',
  'Черных',
  'Бондаренко',
];

export function feminineSurname(surname: string): string {
  if (/(ский|цкий)$/.test(surname)) return `${surname.slice(0, -2)}ая`;
  if (/ой$/.test(surname)) return `${surname.slice(0, -2)}ая`;
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  // Белых, Шевченко, Ковальчук: one form for both.
  return surname;
}

export function surnameFor(surname: string, gender: TGender): string {
  return gender === 'f' ? feminineSurname(surname) : surname;
}

export const BOY_NAMES: readonly TFirstName[] = [
  { name: 'Александр', shortGen: 'Саши' },
  { name: 'Максим', shortGen: 'Максима' },
  { name: 'Артём', shortGen: 'Артёма' },
  { name: 'Михаил', shortGen: 'Миши' },
  { name: 'Даниил', shortGen: 'Дани' },
  { name: 'Иван', shortGen: 'Вани' },
  { name: 'Дмитрий', shortGen: 'Димы' },
  { name: 'Кирилл', shortGen: 'Кирилла' },
  { name: 'Андрей', shortGen: 'Андрея' },
  { name: 'Егор', shortGen: 'Егора' },
  { name: 'Никита', shortGen: 'Никиты' },
  { name: 'Илья', shortGen: 'Ильи' },
  { name: 'Алексей', shortGen: 'Лёши' },
  { name: 'Матвей', shortGen: 'Матвея' },
  { name: 'Тимофей', shortGen: 'Тимофея' },
  { name: 'Роман', shortGen: 'Ромы' },
  { name: 'Владимир', shortGen: 'Вовы' },
  { name: 'Ярослав', shortGen: 'Ярослава' },
  { name: 'Фёдор', shortGen: 'Феди' },
  { name: 'Георгий', shortGen: 'Гоши' },
  { name: 'Константин', shortGen: 'Кости' },
  { name: 'Лев', shortGen: 'Лёвы' },
  { name: 'Марк', shortGen: 'Марка' },
  { name: 'Глеб', shortGen: 'Глеба' },
  { name: 'Степан', shortGen: 'Стёпы' },
  { name: 'Арсений', shortGen: 'Арсения' },
  { name: 'Денис', shortGen: 'Дениса' },
  { name: 'Павел', shortGen: 'Паши' },
  { name: 'Тимур', shortGen: 'Тимура' },
  { name: 'Сергей', shortGen: 'Серёжи' },
  { name: 'Захар', shortGen: 'Захара' },
  { name: 'Савелий', shortGen: 'Савелия' },
];

export const GIRL_NAMES: readonly TFirstName[] = [
  { name: 'Анастасия', shortGen: 'Насти' },
  { name: 'Мария', shortGen: 'Маши' },
  { name: 'Дарья', shortGen: 'Даши' },
  { name: 'Анна', shortGen: 'Ани' },
  { name: 'Елизавета', shortGen: 'Лизы' },
  { name: 'Полина', shortGen: 'Полины' },
  { name: 'Виктория', shortGen: 'Вики' },
  { name: 'Екатерина', shortGen: 'Кати' },
  { name: 'Софья', shortGen: 'Сони' },
  { name: 'Александра', shortGen: 'Саши' },
  { name: 'Ксения', shortGen: 'Ксюши' },
  { name: 'Алиса', shortGen: 'Алисы' },
  { name: 'Варвара', shortGen: 'Вари' },
  { name: 'Вероника', shortGen: 'Ники' },
  { name: 'Арина', shortGen: 'Арины' },
  { name: 'Ульяна', shortGen: 'Ули' },
  { name: 'Валерия', shortGen: 'Леры' },
  { name: 'Милана', shortGen: 'Миланы' },
  { name: 'Ева', shortGen: 'Евы' },
  { name: 'Кира', shortGen: 'Киры' },
  { name: 'Алёна', shortGen: 'Алёны' },
  { name: 'Василиса', shortGen: 'Василисы' },
  { name: 'Таисия', shortGen: 'Таи' },
  { name: 'Злата', shortGen: 'Златы' },
  { name: 'Диана', shortGen: 'Дианы' },
  { name: 'Маргарита', shortGen: 'Риты' },
  { name: 'Юлия', shortGen: 'Юли' },
  { name: 'Ангелина', shortGen: 'Ангелины' },
  { name: 'Татьяна', shortGen: 'Тани' },
  { name: 'Евгения', shortGen: 'Жени' },
];

export const FATHER_NAMES: readonly TFatherName[] = [
  { name: 'Александр', male: 'Александрович', female: 'Александровна' },
  { name: 'Сергей', male: 'Сергеевич', female: 'Сергеевна' },
  { name: 'Андрей', male: 'Андреевич', female: 'Андреевна' },
  { name: 'Дмитрий', male: 'Дмитриевич', female: 'Дмитриевна' },
  { name: 'Алексей', male: 'Алексеевич', female: 'Алексеевна' },
  { name: 'Михаил', male: 'Михайлович', female: 'Михайловна' },
  { name: 'Иван', male: 'Иванович', female: 'Ивановна' },
  { name: 'Николай', male: 'Николаевич', female: 'Николаевна' },
  { name: 'Евгений', male: 'Евгеньевич', female: 'Евгеньевна' },
  { name: 'Игорь', male: 'Игоревич', female: 'Игоревна' },
  { name: 'Владимир', male: 'Владимирович', female: 'Владимировна' },
  { name: 'Павел', male: 'Павлович', female: 'Павловна' },
  { name: 'Олег', male: 'Олегович', female: 'Олеговна' },
  { name: 'Максим', male: 'Максимович', female: 'Максимовна' },
  { name: 'Денис', male: 'Денисович', female: 'Денисовна' },
  { name: 'Роман', male: 'Романович', female: 'Романовна' },
  { name: 'Виктор', male: 'Викторович', female: 'Викторовна' },
  { name: 'Юрий', male: 'Юрьевич', female: 'Юрьевна' },
  { name: 'Антон', male: 'Антонович', female: 'Антоновна' },
  { name: 'Константин', male: 'Константинович', female: 'Константиновна' },
  { name: 'Илья', male: 'Ильич', female: 'Ильинична' },
  { name: 'Никита', male: 'Никитич', female: 'Никитична' },
  { name: 'Кирилл', male: 'Кириллович', female: 'Кирилловна' },
  { name: 'Валерий', male: 'Валерьевич', female: 'Валерьевна' },
  { name: 'Вадим', male: 'Вадимович', female: 'Вадимовна' },
  { name: 'Руслан', male: 'Русланович', female: 'Руслановна' },
  { name: 'Артём', male: 'Артёмович', female: 'Артёмовна' },
  { name: 'Станислав', male: 'Станиславович', female: 'Станиславовна' },
];

export function patronymicFor(fatherName: string, gender: TGender): string {
  const father = FATHER_NAMES.find((f) => f.name === fatherName);
  if (!father) throw new Error(`no patronymic for "${fatherName}"`);
  return gender === 'f' ? father.female : father.male;
}

export function shortGenitive(firstName: string): string {
  const found = [...BOY_NAMES, ...GIRL_NAMES].find((n) => n.name === firstName);
  return found ? found.shortGen : firstName;
}

// Journal lists are alphabetical; a fixed alphabet keeps the order the same whatever ICU
// version Node ships with.
const ALPHABET = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';

export function compareRussian(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = ALPHABET.indexOf(x[i]) - ALPHABET.indexOf(y[i]);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
