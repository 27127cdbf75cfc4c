import type { TBotTexts } from './texts-type';

export const ru: TBotTexts = {
  linking: {
    askCode: 'Отправьте 12-значный код из письма школы (пробелы и дефисы можно не убирать).',
    offerAlerts: 'Присылать уведомления о новых оценках?',
    turnOnGrades: '🔔 Включить уведомления об оценках',
  },
  menu: {
    title: 'Что показать?',
    grades: 'Оценки',
    homework: 'Домашка',
    schedule: 'Расписание',
    canteen: 'Столовая',
    yesterday: 'вчера',
    today: 'сегодня',
    tomorrow: 'завтра',
    allChildren: 'Все дети',
    settings: '⚙️ Настройки',
  },
  settings: {
    title: '<b>Уведомления</b>\nНажмите, чтобы включить или выключить.',
    types: { grades: 'Оценки', homework: 'Домашние задания', schedule: 'Изменения расписания', balance: 'Низкий баланс' },
    instant: 'Присылать сразу',
    digestAt: (time) => `Сводка раз в день в ${time}`,
    quiet: (from, to) => `Тихие часы ${from}–${to}`,
    quietOff: 'Без тихих часов',
    threshold: (rubles) => (rubles ? `Порог баланса: ${rubles} ₽` : 'Порог баланса: не задан'),
    scope: (child) => (child ? `Только для: ${child}. Здесь же порог баланса этого ребёнка.` : 'Для всех детей. Верхняя кнопка выбирает одного ребёнка.'),
    reminders: (on) => (on ? 'Напоминания о журнале: вкл' : 'Напоминания о журнале: выкл'),
    subscribed: 'Уведомления об оценках включены. Настроить: /settings',
    unsubscribed: 'Уведомления выключены. Включить снова: /settings',
    notLinked: 'Сначала подключите дневник: отправьте код из письма школы.',
  },
  privacy: {
    exportCaption: 'Всё, что хранится о вас.',
    nothingToExport: 'О вас ничего не хранится.',
  },
  group: {
    privateOnly: 'В общих чатах я не показываю данные учеников. Напишите мне в личные сообщения.',
    openChat: 'Написать боту',
  },
  start: { welcome: 'Здравствуйте! Я школьный дневник. Чтобы подключить ребёнка, отправьте код из письма школы.' },
  error: 'Извините, что-то пошло не так. Попробуйте ещё раз чуть позже.',
  commands: [
    { command: 'menu', description: 'Оценки, домашка, расписание, столовая' },
    { command: 'link', description: 'Подключить ребёнка по коду' },
    { command: 'settings', description: 'Уведомления' },
    { command: 'export', description: 'Выгрузить мои данные' },
    { command: 'forget', description: 'Отозвать согласие и удалить данные' },
    { command: 'help', description: 'Что я умею' },
  ],
};
