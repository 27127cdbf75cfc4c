import type { TGrant } from '../linking-types';
import type { TLinkingTexts } from './texts-type';

const who = (g: TGrant) => (g.className ? `${g.firstName}, ${g.className}` : g.firstName);
// A carrier's words continue a sentence in the chat text; spoken, they stand on their own.
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const tries = (n: number) => (n === 0 ? 'No tries left for this hour.' : `Tries left: ${n}.`);

export const en: TLinkingTexts = {
  consent: {
    // 2026-12: says who carries the messages (the channel's sentence), and a pupil reads their own text.
    // 2026-12.2: says that a calendar service subscribed to the feed (/calendar) receives what it holds.
    version: '2026-12.2',
    adult: {
      title: 'Consent to the processing of personal data',
      text: (carrier) =>
        'To show you your child’s grades, homework, timetable and school-card balance, the Diary service stores: ' +
        'the id of this chat, your language, the link to the student made with the school’s code, your alert settings and the date of this consent.\n\n' +
        'The data is used only to answer you and for the alerts you turn on yourself. The Diary keeps it on servers in Russia and passes it to no one, ' +
        `but it does not deliver the answers itself: ${carrier}\n\n` +
        'You can withdraw consent at any time with /forget (or by saying “forget me”): everything about you is deleted at once. ' +
        '/export sends you everything stored about you, including who looked at your child’s data and when.\n\n' +
        'By tapping “I agree” you, as the child’s legal representative (or as a student or teacher, for yourself), consent to this processing.',
      voice: (carrier) =>
        'To answer you about the diary I will store this device’s id, your language and the link to the student. ' +
        `The data is used only for answers, kept in Russia, and deleted when you say “forget me”. ${sentence(carrier)} Do you agree? Say yes or no.`,
    },
    pupil: {
      title: 'Agreeing to keep your data',
      text: (carrier) =>
        'Hi! The Diary can show you your grades, homework, timetable and the money on your school card. ' +
        'To do that it remembers: this chat, your language, that this is your diary, your alert settings and the day you agree.\n\n' +
        'This is only so it can answer you. The Diary keeps it in Russia and gives it to no one, ' +
        `but it does not bring you the answers itself: ${carrier}\n\n` +
        'If you change your mind, send /forget (or say “forget me”) and everything is deleted at once. /export shows you everything kept about you. ' +
        'If something is unclear, ask a parent or a teacher.\n\n' +
        'Tap “I agree” if you agree.',
      voice: (carrier) =>
        'To answer you about your diary I will remember this device, your language and that this is your diary. ' +
        `It is only for answers and is deleted when you say “forget me”. ${sentence(carrier)} Do you agree? Say yes or no.`,
    },
    // The chats give out calendar feeds (/calendar): their texts say where a feed's data goes.
    calendar: {
      adult:
        'If you turn on the calendar (/calendar), your child’s lessons, tests, school events and homework are received by the calendar service ' +
        'you subscribe with (Google, Apple, Yandex), which keeps them under its own rules; you can turn the calendar off at any time.',
      pupil:
        'If you turn on the calendar (/calendar), your lessons, tests and homework go to the calendar you subscribe with ' +
        '(Google, Apple, Yandex), that is, to that company’s computers.',
    },
    carriers: {
      telegram: {
        adult:
          'questions and answers travel through Telegram and pass through the servers of the Telegram company outside Russia, which handles them under its own rules.',
        pupil:
          'your questions and answers go through Telegram, that is, through the Telegram company’s computers in other countries.',
      },
      vk: {
        adult:
          'questions and answers travel through VK and pass through the servers of the VK company, which handles them under its own rules.',
        pupil: 'your questions and answers go through VK, that is, through the VK company’s computers.',
      },
      max: {
        adult:
          'questions and answers travel through the MAX messenger and pass through the servers of its operator, Communication Platform LLC, which handles them under its own rules.',
        pupil:
          'your questions and answers go through the MAX messenger, that is, through the computers of Communication Platform LLC, which runs it.',
      },
      alice: {
        adult:
          'questions and answers travel through Alice and pass through Yandex’s servers, and Yandex handles them under its own rules.',
        pupil: 'your questions and answers go through Alice, that is, through Yandex’s computers.',
      },
      alexa: {
        adult:
          'questions and answers travel through Alexa and pass through Amazon’s servers outside Russia, and Amazon handles them under its own rules.',
        pupil: 'your questions and answers go through Alexa, that is, through Amazon’s computers in other countries.',
      },
      // The sign-in page of account linking: what follows it is carried by the platform of the skill linked.
      web: {
        alice: {
          adult:
            'after you sign in, questions and answers travel through Alice and pass through Yandex’s servers, and Yandex handles them under its own rules.',
          pupil: 'after you sign in, your questions and answers go through Alice, that is, through Yandex’s computers.',
        },
        alexa: {
          adult:
            'after you sign in, questions and answers travel through Alexa and pass through Amazon’s servers outside Russia, and Amazon handles them under its own rules.',
          pupil:
            'after you sign in, your questions and answers go through Alexa, that is, through Amazon’s computers in other countries.',
        },
      },
      playground: {
        adult: 'on the demo page the Diary’s own server shows the answers, with no one in between.',
        pupil: 'on the demo page the Diary itself shows the answers, with no one in between.',
      },
    },
    accept: 'I agree',
    decline: 'Decline',
  },
  guardianFirst:
    'One of your parents needs to connect your diary first — that is your school’s rule. ' +
    'Ask a parent to connect with the code from their letter, then try your code again: it has not been used.',
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
  pendingExpired: 'The time to answer has run out and nothing was linked. Please send the code again.',
  reconsentIntro:
    'The consent text for the processing of personal data has changed. Before I answer again, I have to ask once more.',
  reconsentAccepted: 'Thank you, your consent is updated.',
  reconsentDeclined:
    'All right. Without consent I cannot answer about the diary, so all your data has been deleted. To come back, give the code from the school letter again.',
  linked: (g) =>
    g.role === 'teacher' ? `Done! Teacher’s journal linked: ${g.firstName}.` : `Done! Diary linked: ${who(g)}.`,
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
    max: (url, qr) => (qr ? `MAX: point your phone’s camera at the QR code or open ${url}` : `MAX: ${url}`),
    vk: (url, qr) => (qr ? `VK: point your phone’s camera at the QR code or open ${url}` : `VK: ${url}`),
    // Alice is started in Russian whatever language the letter is in.
    alice: (name) => `Alice: say «Алиса, запусти навык ${name}» and read out the code.`,
    alexa: (name) => `Alexa: say “Alexa, open ${name}” and read out the code.`,
    expires: (date) => `The code works once, until ${date}. Do not share it.`,
    footer:
      'Before linking, the bot asks for consent to process personal data. You can withdraw it and delete everything with /forget.',
  },
};
