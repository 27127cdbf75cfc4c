import type { TAliceTexts } from './texts-type';

export const en: TAliceTexts = {
  greetingLinked:
    'Hi! This is the school diary. Ask, for example: what is the homework for tomorrow, or what grades were there today.',
  greetingNew:
    'Hi! This is the school diary: grades, homework, timetable and school-card balance. To connect it, say the twelve-digit code from the school’s letter.',
  helpNew:
    'I am the school diary skill: I tell parents and pupils about grades, homework, the timetable and the school-card balance. To connect the diary, say the twelve-digit code from the school’s letter, like “my code is 4815 2604 7391”. Then ask: “what is the homework for tomorrow?” or “any grades today?”',
  helpLinked:
    'I tell you about grades, homework, the timetable and the school-card balance. Ask, for example: “what is the homework for tomorrow?”, “any grades today?”, “timetable for Friday” or “what is the canteen balance?”. You can follow up: “and physics?”, “and tomorrow?”. To have me forget your data, say “forget me”.',
  askCode:
    'To answer about the diary, I need the code from the school’s letter: twelve digits, like “my code is 4815 2604 7391”.',
  accountLinking:
    'To connect the diary, sign in to your Diary account and enter the code from the school’s letter there. Or just say the code.',
  consentRepeat: 'Say “yes” if you agree, or “no” if you do not.',
  dangerous:
    'Let’s talk about school instead. I can tell you about grades, homework, the timetable and the school-card balance.',
  didNotHear: 'I did not catch that. Ask, for example: what is the homework for tomorrow?',
  elsewhere: 'Alerts and settings are in the Diary chat on Telegram or VK.',
  pong: 'pong',
  suggestions: ['And tomorrow?', 'What can you do?'],
  choices: { grades: 'Grades', homework: 'Homework' },
};
