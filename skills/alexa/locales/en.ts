import type { TAlexaTexts } from './texts-type';

export const en: TAlexaTexts = {
  launchLinked:
    'Hi! This is your school diary. Ask, for example: what is my homework for tomorrow, or what grades did I get today?',
  launchNew:
    "Hi! This is your school diary: grades, homework, the timetable and the canteen balance. To connect it, say the code from the school's letter, like: my code is 4815 2604 7391.",
  launchNewOrSignIn:
    "Hi! This is your school diary: grades, homework, the timetable and the canteen balance. To connect it, open the card I've sent to the Alexa app and enter the code from the school's letter there, or say the code, like: my code is 4815 2604 7391.",
  askCode:
    "To answer about the diary, I need the twelve-digit code from the school's letter. Say: my code is, and then the digits.",
  askCodeOrSignIn:
    "To answer about the diary, I need the code from the school's letter. Open the card I've sent to the Alexa app and enter it there, or say: my code is, and then the twelve digits.",
  consentRepeat: 'Please say yes if you agree, or no if you do not.',
  reprompt: 'What would you like to know? For example: what is my homework for tomorrow?',
  goodbye: 'Goodbye!',
  elsewhere: 'Alerts and settings are in the Diary chat on Telegram or VK.',
  error: 'Sorry, something went wrong on my side. Please try again in a moment.',
  cardTitle: 'School diary',
};
