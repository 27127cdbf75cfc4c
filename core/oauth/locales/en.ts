import type { TOAuthTexts } from './texts-type';

export const en: TOAuthTexts = {
  pageTitle: 'Connect the Diary to Alice',
  intro:
    "Enter the code from the school's letter, and Alice will tell you about grades, homework, the timetable and the canteen balance.",
  codeLabel: "Code from the school's letter",
  codeHint: '12 digits, e.g. 4815 2604 7391',
  consentLabel: 'I have read the consent text and agree to the processing of personal data',
  submit: 'Connect',
  consentRequired: 'To connect the diary, please tick the consent to the processing of personal data.',
  badClient: 'This sign-in link is wrong or out of date. Please start linking again from the Alice app.',
  formExpired:
    'This page has been open too long or was not opened from the Alice app. Please start linking again from the Alice app.',
  foreignOrigin:
    'This request came from another website and was refused. Please start linking again from the Alice app.',
};
