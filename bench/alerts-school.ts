// The school of bench:alerts: one school, eight subjects, classes of 25 and their pupils, as
// journal events (the scenarios post them before they measure anything).

export const SUBJECTS = [
  'Математика',
  'Русский язык',
  'Литература',
  'Английский язык',
  'История',
  'Биология',
  'География',
  'Физика',
];

export function setupEvents(students: number) {
  const at = new Date().toISOString();
  const ev = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, occurredAt: at, data });
  const events = [ev('school', 'school.upserted', { schoolId: 'b', name: 'Школа № 1', timezone: 'Europe/Moscow' })];
  SUBJECTS.forEach((name, i) =>
    events.push(ev(`sub-${i}`, 'subject.upserted', { schoolId: 'b', subjectId: `b-sub${i}`, name })),
  );
  const classes = Math.ceil(students / 25);
  for (let c = 0; c < classes; c++)
    events.push(
      ev(`class-${c}`, 'class.upserted', { schoolId: 'b', classId: `b-c${c}`, name: `${5 + (c % 7)}${'АБВГ'[c % 4]}` }),
    );
  for (let i = 0; i < students; i++) {
    events.push(
      ev(`st-${i}`, 'student.upserted', {
        schoolId: 'b',
        studentId: `b-st${i}`,
        classId: `b-c${Math.floor(i / 25)}`,
        lastName: 'Иванова',
        firstName: `Ученик${i}`,
      }),
    );
  }
  return events;
}
