import type { TGrant } from '../linking-types';
import type { TLinkingTexts } from './texts-type';

const who = (g: TGrant) => (g.className ? `${g.firstName}, ${g.className}` : g.firstName);
const tries = (n: number) => (n === 0 ? 'No tries left for this hour.' : `Tries left: ${n}.`);

export const en: TLinkingTexts = {
  consent: {
    version: '2026-01',
    title: 'Consent to the processing of personal data',
    text:
      'To show you your child’s grades, homework, timetable and school-card balance, the Diary service stores: ' +
      'the id of this chat, your language, the link to the student made with the school’s code, your alert settings and the date of this consent.\n\n' +
      'The data is used only to answer you and for the alerts you turn on yourself, is kept on servers in Russia and is not passed to anyone else.\n\n' +
      'You can withdraw consent at any time with /forget (or by saying “forget me”): everything about you is deleted at once. ' +
      '/export sends you everything stored about you.\n\n' +
      'By tapping “I agree” you, as the child’s legal representative (or as a student or teacher, for yourself), consent to this processing.',
    voice:
      'To answer you about the diary I will store this device’s id, your language and the link to the student. ' +
      'The data is used only for answers, kept in Russia, and deleted when you say “forget me”. Do you agree? Say yes or no.',
    accept: 'I agree',
    decline: 'Decline',
  },
  grant: (g) =>
    g.role === 'teacher'
      ? `The school’s code links the teacher’s timetable and journal: ${g.firstName}.`
      : g.role === 'student'
        ? `The school’s code links your diary: ${who(g)}.`
        : `The school’s code links the diary of: ${who(g)}.`,
  notACode: 'That does not look like a code. The code in the school’s letter is 12 digits, like 4815 2604 7391.',
  wrongCode: (n) => `There is no such code. Please check the digits. ${tries(n)}`,
  expired: 'This code has expired. Please ask the school for a new one.',
  used: 'This code has already been used. Please ask the school for a new one.',
  locked: (m) => `Too many wrong tries. Please try again in ${m} min.`,
  busy: (m) => `Linking is paused for a moment. Please try again in ${m} min.`,
  consentOutdated: 'The consent text has changed. Please send the code again to read the new text.',
  reconsentIntro: 'The consent text for the processing of personal data has changed. Before I answer again, I have to ask once more.',
  reconsentAccepted: 'Thank you, your consent is updated.',
  reconsentDeclined: 'All right. Without consent I cannot answer about the diary, so all your data has been deleted. To come back, give the code from the school letter again.',
  linked: (g) => (g.role === 'teacher' ? `Done! Teacher’s journal linked: ${g.firstName}.` : `Done! Diary linked: ${who(g)}.`),
  declined: 'All right, nothing was stored. If you change your mind, send the code from the school’s letter again.',
  forgotten: 'Done: consent withdrawn and everything about you deleted.',
  nothingToForget: 'Nothing is stored about you.',
  letter: {
    title: 'Connecting to the school diary',
    greeting: (role) => (role === 'guardian' ? 'Dear parents,' : 'Hello,'),
    intro: (g) =>
      g.role === 'teacher'
        ? `This code connects the teacher’s journal (${g.firstName}) to the Diary bot.`
        : `This code connects the diary of ${who(g)} to the Diary bot: grades, homework, timetable and school-card balance.`,
    codeLabel: 'Your code:',
    telegram: (url) => `Telegram: point your phone’s camera at the QR code or open ${url}`,
    vk: (url) => `VK: ${url}`,
    voice: 'Alexa: say “Alexa, open school diary” and read out the code.',
    expires: (date) => `The code works once, until ${date}. Do not share it.`,
    footer: 'Before linking, the bot asks for consent to process personal data. You can withdraw it and delete everything with /forget.',
  },
};
