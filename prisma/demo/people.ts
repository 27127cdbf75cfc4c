import { shortGenitive, surnameFor } from './names';
import { FEATURED_FAMILIES, roster, type TStudent } from './roster';
import { CLASSES, teacherById } from './school-data';

// The people the playground lets you be: guardians (one of them with children in two classes),
// a few pupils themselves and a few teachers. Keys are stable, so a playground link keeps
// pointing at the same person.

export interface TDemoPerson {
  key: string;
  role: 'guardian' | 'student' | 'teacher';
  displayName: string;
  studentIds: string[];
  teacherId?: string;
}

const RELATION = { mother: 'мама', father: 'папа', grandmother: 'бабушка' } as const;
/** Pupils old enough to use the bot themselves: from the featured families, one per class. */
const SELF_USERS = [
  { family: 'orlov', firstName: 'Кирилл' },
  { family: 'sokolov', firstName: 'Дарья' },
  { family: 'lebedev', firstName: 'Полина' },
];
const TEACHER_USERS = ['tch-01', 'tch-04', 'tch-05', 'tch-06'];

function childOf(familyKey: string, firstName: string): TStudent {
  const child = roster().find((s) => s.familyKey === familyKey && s.firstName === firstName);
  if (!child) throw new Error(`no ${firstName} in family ${familyKey}`);
  return child;
}

export function demoPeople(): TDemoPerson[] {
  const people: TDemoPerson[] = [];
  FEATURED_FAMILIES.forEach((family, i) => {
    const children = family.children.map((c) => childOf(family.key, c.firstName));
    const who = children.map((c) => `${shortGenitive(c.firstName)}, ${c.cls.name}`).join(', и ');
    const gender = family.guardian.relation === 'father' ? 'm' : 'f';
    people.push({
      key: `guardian-${i + 1}`,
      role: 'guardian',
      displayName: `${family.guardian.firstName} ${surnameFor(family.surname, gender)} (${RELATION[family.guardian.relation]} ${who})`,
      studentIds: children.map((c) => c.id),
    });
  });
  for (const { family, firstName } of SELF_USERS) {
    const s = childOf(family, firstName);
    people.push({
      key: `student-${s.code}`,
      role: 'student',
      displayName: `${s.firstName} ${s.lastName} (${s.gender === 'f' ? 'ученица' : 'ученик'} ${s.cls.name})`,
      studentIds: [s.id],
    });
  }
  for (const id of TEACHER_USERS) {
    const t = teacherById(id);
    const homeroom = CLASSES.filter((c) => c.classTeacherId === id).map((c) => c.name);
    const role = homeroom.length > 0 ? `, классный руководитель ${homeroom.join(', ')}` : '';
    people.push({
      key: `teacher-${id}`,
      role: 'teacher',
      displayName: `${t.firstName} ${t.middleName} ${t.lastName} (${t.teaches}${role})`,
      studentIds: [],
      teacherId: id,
    });
  }
  return people;
}
