import type { TOAuthTexts } from './texts-type';

export const en: TOAuthTexts = {
  pages: {
    alice: {
      pageTitle: 'Connect the Diary to Alice',
      intro:
        "Enter the code from the school's letter, and Alice will tell you about grades, homework, the timetable and the canteen balance.",
      badClient: 'This sign-in link is wrong or out of date. Please start linking again from the Alice app.',
      formExpired:
        'This page has been open too long or was not opened from the Alice app. Please start linking again from the Alice app.',
      foreignOrigin:
        'This request came from another website and was refused. Please start linking again from the Alice app.',
    },
    alexa: {
      pageTitle: 'Connect the Diary to Alexa',
      intro:
        "Enter the code from the school's letter, and Alexa will tell you about grades, homework, the timetable and the canteen balance.",
      badClient: 'This sign-in link is wrong or out of date. Please start linking again from the Alexa app.',
      formExpired:
        'This page has been open too long or was not opened from the Alexa app. Please start linking again from the Alexa app.',
      foreignOrigin:
        'This request came from another website and was refused. Please start linking again from the Alexa app.',
    },
    unknown: {
      pageTitle: 'Connect the Diary',
      intro: "Enter the code from the school's letter.",
      badClient:
        'This sign-in link is wrong or out of date. Please start linking again from your voice assistant’s app.',
      formExpired:
        'This page has been open too long or was not opened from your voice assistant’s app. Please start linking again from there.',
      foreignOrigin:
        'This request came from another website and was refused. Please start linking again from your voice assistant’s app.',
    },
  },
  codeLabel: "Code from the school's letter",
  codeHint: '12 digits, e.g. 4815 2604 7391',
  consentLabel: 'I have read the consent text and agree to the processing of personal data',
  submit: 'Connect',
  consentRequired: 'To connect the diary, please tick the consent to the processing of personal data.',
};
