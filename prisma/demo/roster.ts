import {
  BOY_NAMES,
  compareRussian,
  FATHER_NAMES,
  GIRL_NAMES,
  patronymicFor,
  SURNAMES,
  surnameFor,
  type TGender,
} from './names';
import { createRandom, pick, shuffled, type TRandom } from './prng';
import { CLASSES, type TClassInfo, TEACHERS } from './school-data';

// The pupils of the demo school. The roster is drawn from one fixed seed, so a student keeps
// their id, name and habits whatever day the demo is generated on. A few families are written
// out by hand: they are the ones the playground offers (a guardian with two children in
// different classes, a child whose canteen balance is always low, ...).

export type TCanteenHabit = 'regular' | 'forgetful' | 'daily';

export interface TCanteenProfile {
  habit: TCanteenHabit;
  /** regular: tops up this much when the evening balance is under `thresholdKopecks`;
   *  forgetful: tops up this much only some days after a purchase was declined;
   *  daily: tops up just enough for that day's lunch every morning (so the balance stays low). */
  topUpKopecks: number;
  thresholdKopecks: number;
  topUpDelayDays: number;
  breakfastChance: number;
  lunchChance: number;
  buffetChance: number;
}

export interface TStudent {
  id: string;
  /** `5a-07`: class code and journal number, for ids derived from the student. */
  code: string;
  cls: TClassInfo;
  lastName: string;
  firstName: string;
  middleName: string;
  gender: TGender;
  familyKey: string;
  /** The grade this pupil earns on an average day, 2.9–4.9. */
  ability: number;
  canteen: TCanteenProfile;
}

export interface TFeaturedFamily {
  key: string;
  surname: string;
  fatherName: string;
  guardian: { relation: 'mother' | 'father' | 'grandmother'; firstName: string };
  children: { classCode: string; firstName: string; gender: TGender; ability: number; habit?: TCanteenHabit }[];
}

export const FEATURED_FAMILIES: readonly TFeaturedFamily[] = [
  {
    key: 'ivanov',
    surname: 'Иванов',
    fatherName: 'Сергей',
    guardian: { relation: 'mother', firstName: 'Ольга' },
    children: [{ classCode: '5a', firstName: 'Мария', gender: 'f', ability: 4.5, habit: 'daily' }],
  },
  {
    key: 'sokolov',
    surname: 'Соколов',
    fatherName: 'Андрей',
    guardian: { relation: 'mother', firstName: 'Елена' },
    children: [
      { classCode: '5a', firstName: 'Артём', gender: 'm', ability: 3.6 },
      { classCode: '9v', firstName: 'Дарья', gender: 'f', ability: 4.3 },
    ],
  },
  {
    key: 'orlov',
    surname: 'Орлов',
    fatherName: 'Дмитрий',
    guardian: { relation: 'father', firstName: 'Дмитрий' },
    children: [{ classCode: '7b', firstName: 'Кирилл', gender: 'm', ability: 3.3, habit: 'forgetful' }],
  },
  {
    key: 'lebedev',
    surname: 'Лебедев',
    fatherName: 'Алексей',
    guardian: { relation: 'mother', firstName: 'Наталья' },
    children: [{ classCode: '10a', firstName: 'Полина', gender: 'f', ability: 4.8 }],
  },
  {
    key: 'kuznetsov',
    surname: 'Кузнецов',
    fatherName: 'Игорь',
    guardian: { relation: 'grandmother', firstName: 'Галина' },
    children: [
      { classCode: '7b', firstName: 'Никита', gender: 'm', ability: 3.8 },
      { classCode: '10a', firstName: 'Анна', gender: 'f', ability: 4.1 },
    ],
  },
];

export const STUDENTS_PER_CLASS = 25;

function canteenProfile(rnd: TRandom, habit?: TCanteenHabit): TCanteenProfile {
  const draw = rnd();
  const chosen: TCanteenHabit = habit ?? (draw < 0.05 ? 'daily' : draw < 0.2 ? 'forgetful' : 'regular');
  const profile: TCanteenProfile = {
    habit: chosen,
    topUpKopecks: pick(rnd, [1000, 1500, 2000, 2500, 3000]) * 100,
    thresholdKopecks: pick(rnd, [300, 400, 500, 600, 700]) * 100,
    topUpDelayDays: 1 + Math.floor(rnd() * 3),
    breakfastChance: 0.15 + rnd() * 0.5,
    lunchChance: 0.75 + rnd() * 0.2,
    buffetChance: 0.05 + rnd() * 0.25,
  };
  if (chosen === 'forgetful') profile.topUpKopecks = pick(rnd, [500, 1000, 1500]) * 100;
  if (chosen === 'daily') Object.assign(profile, { breakfastChance: 0, lunchChance: 1, buffetChance: 0 });
  return profile;
}

function ability(rnd: TRandom): number {
  // The mean of two draws leans to the middle: most pupils are solid 4s, few are extremes.
  return 2.9 + rnd() + rnd();
}

function buildRoster(): TStudent[] {
  const rnd = createRandom('demo-roster');
  // Featured families and teachers keep their surnames to themselves, so "Смирнова" in a
  // parent's question can only mean the teacher.
  const taken = new Set([...FEATURED_FAMILIES.map((f) => f.surname), ...TEACHERS.map((t) => t.lastName)]);
  const surnames = shuffled(
    rnd,
    SURNAMES.filter((s) => !taken.has(s) && !taken.has(surnameFor(s, 'f'))),
  );
  const students: TStudent[] = [];

  CLASSES.forEach((cls, classIndex) => {
    const draft: Omit<TStudent, 'id' | 'code'>[] = [];
    for (const family of FEATURED_FAMILIES) {
      for (const child of family.children.filter((c) => c.classCode === cls.code)) {
        draft.push({
          cls,
          lastName: surnameFor(family.surname, child.gender),
          firstName: child.firstName,
          middleName: patronymicFor(family.fatherName, child.gender),
          gender: child.gender,
          familyKey: family.key,
          ability: child.ability,
          canteen: canteenProfile(rnd, child.habit ?? 'regular'),
        });
      }
    }
    const boysWanted = 12 + (classIndex % 2) - draft.filter((s) => s.gender === 'm').length;
    const genders = shuffled(
      rnd,
      Array.from({ length: STUDENTS_PER_CLASS - draft.length }, (_, i): TGender => (i < boysWanted ? 'm' : 'f')),
    );
    const used = new Set(draft.map((s) => s.firstName));
    const boys = shuffled(
      rnd,
      BOY_NAMES.filter((n) => !used.has(n.name)),
    );
    const girls = shuffled(
      rnd,
      GIRL_NAMES.filter((n) => !used.has(n.name)),
    );
    for (const gender of genders) {
      const surname = surnames.pop();
      const first = gender === 'm' ? boys.pop() : girls.pop();
      if (!surname || !first) throw new Error('the name lists are too short for the demo roster');
      const father = pick(rnd, FATHER_NAMES).name;
      draft.push({
        cls,
        lastName: surnameFor(surname, gender),
        firstName: first.name,
        middleName: patronymicFor(father, gender),
        gender,
        familyKey: `family-${surname}`,
        ability: ability(rnd),
        canteen: canteenProfile(rnd),
      });
    }
    draft.sort((a, b) => compareRussian(a.lastName, b.lastName) || compareRussian(a.firstName, b.firstName));
    draft.forEach((s, i) => {
      const code = `${cls.code}-${String(i + 1).padStart(2, '0')}`;
      students.push({ ...s, id: `stu-${code}`, code });
    });
  });
  return students;
}

let cached: readonly TStudent[] | undefined;

/** The roster never changes, so it is built once per process. Treat it as read-only. */
export function roster(): readonly TStudent[] {
  cached ??= buildRoster();
  return cached;
}

export function studentsOf(cls: TClassInfo): TStudent[] {
  return roster().filter((s) => s.cls.code === cls.code);
}
