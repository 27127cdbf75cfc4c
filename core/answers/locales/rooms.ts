// Rooms as a journal names them: a number or code ("214", "214а", "А-12"), a number with its
// word ("каб. 214", "кабинет 214"), or a place ("Спортзал", "Спортзал 2", "Актовый зал"). Only a
// bare number needs "каб."/"room" in front; a place is named by its own words, in English by
// their translation when it is a common one.

/** Words that only say "a room", before its number. */
const ROOM_WORDS = new Set(['к', 'каб', 'кабинет', 'ауд', 'аудитория']);

/** Common school rooms, keyed by their lower-case Russian name with "ё" as "е" and no dots. */
const EN_ROOMS: Record<string, string> = {
  спортзал: 'gym',
  'спортивный зал': 'gym',
  'спорт зал': 'gym',
  'физкультурный зал': 'gym',
  'большой спортзал': 'main gym',
  'большой спортивный зал': 'main gym',
  'малый спортзал': 'small gym',
  'малый спортивный зал': 'small gym',
  'тренажерный зал': 'fitness room',
  'актовый зал': 'assembly hall',
  'конференц-зал': 'conference hall',
  'хореографический зал': 'dance studio',
  'танцевальный зал': 'dance studio',
  библиотека: 'library',
  'читальный зал': 'reading room',
  столовая: 'canteen',
  буфет: 'snack bar',
  'компьютерный класс': 'computer lab',
  'компьютерный кабинет': 'computer lab',
  'кабинет информатики': 'computer lab',
  мастерская: 'workshop',
  мастерские: 'workshop',
  'учебная мастерская': 'workshop',
  'столярная мастерская': 'woodwork shop',
  'слесарная мастерская': 'metalwork shop',
  'кабинет технологии': 'technology room',
  'кабинет музыки': 'music room',
  'музыкальный класс': 'music room',
  'музыкальный кабинет': 'music room',
  'музыкальный зал': 'music room',
  'кабинет изо': 'art room',
  изостудия: 'art room',
  'кабинет химии': 'chemistry lab',
  'кабинет физики': 'physics lab',
  'кабинет биологии': 'biology room',
  'кабинет географии': 'geography room',
  'кабинет истории': 'history room',
  'лингафонный кабинет': 'language lab',
  лаборатория: 'lab',
  медкабинет: 'medical office',
  'мед кабинет': 'medical office',
  'медицинский кабинет': 'medical office',
  медпункт: 'medical office',
  'медицинский пункт': 'medical office',
  'кабинет психолога': "psychologist's office",
  'кабинет логопеда': "speech therapist's office",
  учительская: 'staff room',
  бассейн: 'swimming pool',
  стадион: 'stadium',
  спортплощадка: 'sports ground',
  'спортивная площадка': 'sports ground',
};

/** A number or code, maybe with a letter or two ("214", "214а", "А-12", "№ 5"), and no word. */
export function isRoomNumber(room: string): boolean {
  return /\d/.test(room) && !/\p{L}{3,}/u.test(room);
}

/** A name and the number after it: "Спортзал №2" → "Спортзал", "2". */
const NAMED = /^(.*?\p{L})[\s.]*(?:№\s*)?(\d[\p{L}\d./-]*)?$/u;

/** "room 214", "gym 2", "assembly hall"; a place not known here keeps its own name. */
export function englishRoom(room: string): string {
  const trimmed = room.trim().replace(/\s+/g, ' ');
  if (isRoomNumber(trimmed)) return `room ${trimmed.replace(/^№\s*/, '')}`;
  const match = NAMED.exec(trimmed);
  if (!match) return trimmed;
  const key = match[1].toLowerCase().replace(/ё/g, 'е').replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
  const english = ROOM_WORDS.has(key) ? 'room' : EN_ROOMS[key];
  if (!english) return trimmed;
  return match[2] ? `${english} ${match[2]}` : english;
}
