import type { TJournalEvent } from '../../core/ingest';
import { formatDay, mondayOf } from './calendar';
import { CLASSES, SCHOOL } from './school-data';

// What is coming at the demo school, beside the tests its timetable already holds: two school
// events in the week after today's — a volleyball match for the younger classes after lessons
// and an online master class for all — and an announcement of the week's parents' meeting. Each
// is keyed by its week, so a demo loaded again a week later adds the next week's and keeps the old.

const ONLINE = 'https://meet.school1357.example/';

/** `announcedAt`: when the school sent them (the morning of today). */
export function demoSchoolNews(today: number, announcedAt: string): TJournalEvent[] {
  const next = mondayOf(today) + 7;
  const week = formatDay(next).replace(/-/g, '');
  const younger = CLASSES.filter((c) => c.grade <= 7).map((c) => c.id);
  const at = (id: string) => ({ id: `demo:news:${id}`, occurredAt: announcedAt });
  return [
    {
      ...at(`volley-${week}`),
      type: 'school_event.upserted',
      data: {
        schoolEventId: `se-volley-${week}`,
        schoolId: SCHOOL.id,
        classIds: younger,
        title: 'Турнир по волейболу',
        date: formatDay(next + 2),
        start: '15:00',
        end: '17:00',
        place: 'Спортзал',
        description: 'Команды 5–7 классов. Нужны спортивная форма и сменная обувь.',
      },
    },
    {
      ...at(`robots-${week}`),
      type: 'school_event.upserted',
      data: {
        schoolEventId: `se-robots-${week}`,
        schoolId: SCHOOL.id,
        title: 'Мастер-класс «Как устроены роботы»',
        date: formatDay(next + 3),
        start: '16:00',
        end: '17:00',
        onlineUrl: `${ONLINE}robots-${week}`,
        description: 'Онлайн, для всех желающих; ссылка откроется за 10 минут до начала.',
      },
    },
    {
      ...at(`meeting-${week}`),
      type: 'announcement.published',
      data: {
        announcementId: `an-meeting-${week}`,
        schoolId: SCHOOL.id,
        title: 'Родительское собрание',
        text: `Общешкольное родительское собрание — ${formatDay(next + 3)
          .split('-')
          .reverse()
          .join('.')} в 18:30, актовый зал. Повестка: итоги четверти, зимние каникулы.`,
      },
    },
  ];
}
