import { INTENT_CUES } from './intent-cues';
import { PhraseIndex, StemIndex } from './lexicon-index';
import { INTENTS, type TIntent } from './types';

type TFeature =
  | 'subscribe'
  | 'unsubscribe'
  | 'notify'
  | 'send'
  | 'sendweak'
  | 'on'
  | 'off'
  | 'neg'
  | 'stop'
  | 'forget'
  | 'delete'
  | 'personal'
  | 'consent'
  | 'revoke'
  | 'add'
  | 'child'
  | 'unwanted';

interface TCue {
  intent: TIntent | null;
  weight: number;
  feature: TFeature | null;
}

const phrases = new PhraseIndex<TCue>();
const stems = new StemIndex<TCue>();

for (const line of INTENT_CUES.split('\n')) {
  if (!line.trim()) continue;
  const [pattern, spec] = line.split('=>').map((s) => s.trim());
  const cue: TCue = { intent: null, weight: 0, feature: null };
  for (const part of spec.split(/\s+/)) {
    if (part.startsWith('#')) cue.feature = part.slice(1) as TFeature;
    else {
      const [intent, weight] = part.split(':');
      if (!(INTENTS as readonly string[]).includes(intent)) throw new Error(`intent-cues: unknown intent in "${line}"`);
      cue.intent = intent as TIntent;
      cue.weight = Number(weight);
    }
  }
  if (pattern.endsWith('*')) stems.add(pattern.slice(0, -1), cue);
  else phrases.add(pattern, cue);
}

/** When two intents score the same, the one whose mistake costs more wins (a missed "забудь меня" is worse than a missed "оценки"). */
const PRIORITY: readonly TIntent[] = [
  'forget',
  'unsubscribe',
  'subscribe',
  'link',
  'settings',
  'calendar',
  'needed',
  'final-grades',
  'chart',
  'average',
  'topics',
  'grades',
  'homework',
  'schedule',
  // A tie with the timetable («когда контрольная по химии») is the timetable's: it shows the test too.
  'tests',
  'events',
  'balance',
  // A tie with a diary word ("пришли оценки") is the diary's: attendance is asked in words of its own.
  'absences',
  'presence',
  'help',
  'journal',
  'snooze',
];

/** Words that carry no request of their own; an utterance of only these plus a subject or date is still a question. */
const FILLERS = new Set([
  'что',
  'чо',
  'че',
  'а',
  'и',
  'на',
  'в',
  'во',
  'по',
  'у',
  'к',
  'ко',
  'за',
  'с',
  'для',
  'там',
  'мне',
  'нам',
  'есть',
  'какие',
  'какой',
  'какая',
  'какое',
  'пожалуйста',
  'пж',
  'плиз',
  'ну',
  'же',
  'ли',
  'вот',
  'это',
  'мой',
  'моя',
  'мои',
  'моего',
  'моей',
  'моему',
  'сын',
  'сына',
  'сыну',
  'дочь',
  'дочки',
  'дочке',
  'дочери',
  'ребенка',
  'ребенку',
  'ребенок',
  'покажи',
  'скинь',
  'напиши',
  'посмотри',
  'узнай',
  'дай',
  'нужно',
  'надо',
  'делать',
  'сделать',
  'what',
  'whats',
  'about',
  'for',
  'on',
  'the',
  'a',
  'my',
  'is',
  'are',
  'me',
  'show',
  'give',
  'in',
  'at',
  'do',
  'does',
  'i',
  'we',
  'need',
  'to',
  'has',
  'of',
  'please',
  'her',
  'his',
  'their',
  'and',
  'or',
  'any',
  'it',
  'so',
]);

const NO_HOMEWORK_SUBJECT = 'Физическая культура';

export interface TIntentEvidence {
  subject: string | null;
  /** Where the subject was named (its first word), for «был ли Петя на физике»; null when none. */
  subjectStart?: number | null;
  /** Which way the named date points, before intent is known; null when no date is named. */
  dateLean: 'past' | 'future' | null;
  /** A 12-digit link code was typed or spoken. */
  linkCode: boolean;
}

/** Scores every intent from the words left after dates, subject and child were taken out. */
export function classifyIntent(norms: readonly string[], used: Uint8Array, evidence: TIntentEvidence): TIntent {
  const score = new Map<TIntent, number>();
  const add = (intent: TIntent, w: number) => score.set(intent, (score.get(intent) ?? 0) + w);
  const features = new Map<TFeature, number[]>();

  for (let i = 0; i < norms.length; ) {
    if (used[i]) {
      i++;
      continue;
    }
    const phrase = phrases.match(norms, i, used);
    const cue = phrase ? phrase.value : stems.match(norms[i]);
    if (cue) {
      if (cue.intent) add(cue.intent, cue.weight);
      if (cue.feature) {
        const at = features.get(cue.feature) ?? [];
        at.push(i);
        features.set(cue.feature, at);
      }
    }
    i += phrase ? phrase.len : 1;
  }

  applyFeatureRules(norms, features, add);
  applyEnglishRules(norms, add);
  applyAttendanceRules(norms, evidence.subjectStart ?? null, add);
  if (evidence.linkCode) add('link', 6);

  let best: TIntent = 'unknown';
  let bestScore = 0;
  for (const intent of PRIORITY) {
    const s = score.get(intent) ?? 0;
    if (s > bestScore) {
      best = intent;
      bestScore = s;
    }
  }
  if (best !== 'unknown') return best;
  // No intent word at all: "математика завтра" still asks something, "какая погода завтра" does not.
  for (let i = 0; i < norms.length; i++) if (!used[i] && !FILLERS.has(norms[i])) return 'unknown';
  if (evidence.subject) {
    if (evidence.dateLean === 'past') return 'grades';
    // Nobody asks for PE homework: "завтра физра?" asks whether there is PE.
    return evidence.subject === NO_HOMEWORK_SUBJECT ? 'schedule' : 'homework';
  }
  if (evidence.dateLean) return evidence.dateLean === 'past' ? 'grades' : 'schedule';
  return 'unknown';
}

/**
 * Imperative, infinitive or "хочу …": присылай, присылать, хочу получать, "чтобы не присылал";
 * not the indicative of a complaint (присылаешь, присылает).
 */
function isRequest(norms: readonly string[], q: number): boolean {
  if (/(?:й|йте|ть|ти)$|^хо[чт]/.test(norms[q])) return true;
  return norms.slice(Math.max(0, q - 3), q).some((w) => w === 'чтобы' || w === 'чтоб');
}

function applyFeatureRules(
  norms: readonly string[],
  f: Map<TFeature, number[]>,
  add: (intent: TIntent, w: number) => void,
): void {
  const has = (name: TFeature) => f.has(name);
  const unwanted = f.get('unwanted') ?? [];
  const negations = [...(f.get('neg') ?? []), ...unwanted];
  // "не присылай", "больше не надо присылать": a negation shortly before the verb flips it.
  const negated = (positions: number[] | undefined) =>
    (positions ?? []).some((q) => negations.some((p) => p < q && q - p <= 3));

  if (has('subscribe')) add(negated(f.get('subscribe')) ? 'unsubscribe' : 'subscribe', 6);
  if (has('unsubscribe')) add('unsubscribe', 7);
  if (has('send')) {
    const sends = f.get('send') ?? [];
    // "не присылай" is a request; "почему ты не присылаешь" is a complaint and changes nothing.
    if (has('stop') || negated(sends.filter((q) => isRequest(norms, q)))) add('unsubscribe', 6);
    else if (!negated(sends)) add('subscribe', 5);
  }
  if (has('sendweak') && (negated(f.get('sendweak')) || has('stop'))) add('unsubscribe', 6);
  if (has('notify')) {
    if (has('off') || has('stop') || has('delete')) add('unsubscribe', 6);
    else if (has('on') || has('sendweak')) {
      const flipped = negated(f.get('on')) || negated(f.get('sendweak'));
      add(flipped ? 'unsubscribe' : 'subscribe', 6);
    } else if (unwanted.length > 0) add('unsubscribe', 4);
    else add('settings', 1.5);
  }
  if (has('delete') && !has('notify')) add('forget', has('personal') ? 6 : 2);
  if (has('forget') && !negated(f.get('forget'))) add('forget', 6);
  if (has('consent') && has('revoke')) add('forget', 6);
  if (has('add') && has('child')) add('link', 5);
}

/** English questions that are grades without saying so: "how did Masha do", "what did I get". */
function applyEnglishRules(norms: readonly string[], add: (intent: TIntent, w: number) => void): void {
  for (let i = 0; i < norms.length; i++) {
    const w = norms[i];
    if (w === 'how' && howDoing(norms, i)) {
      add('grades', 3);
      return;
    }
    // "did Sonya get to school" is getting somewhere, not getting a mark.
    const get = norms.indexOf('get', i + 1);
    if (w === 'did' && get !== -1 && get < i + 5 && norms[get + 1] !== 'to' && norms[get + 1] !== 'home') {
      add('grades', 3);
      return;
    }
    if ((w === 'do' || w === 'does') && (norms[i + 2] === 'have' || norms[i + 3] === 'have')) {
      // "does Kolya have art today", "do we have gym": asking what is on, not what was set.
      add('schedule', 1);
    }
  }
}

const WAS_RU = new Set(['был', 'была', 'были']);
const WAS_EN = new Set(['was', 'were']);
const ASKING_EN = new Set(['what', 'which', 'who', 'how', 'when', 'where', 'why']);

/**
 * «был ли Петя на физике», «Маша была на алгебре?», "was Petya in physics": being at a subject is
 * attendance; being somewhere else («в школе») is left to the presence cues.
 */
function applyAttendanceRules(
  norms: readonly string[],
  subjectStart: number | null,
  add: (intent: TIntent, w: number) => void,
): void {
  if (subjectStart === null || subjectStart < 2) return;
  const at = norms[subjectStart - 1];
  if (at !== 'на' && at !== 'in' && at !== 'at' && at !== 'for') return;
  // At most two words between: «был ли Петя на», "was Petya in". Weak, so "какие оценки были на
  // физике" stays grades.
  for (let i = Math.max(0, subjectStart - 4); i < subjectStart - 1; i++) {
    const w = norms[i];
    const said = at === 'на' ? WAS_RU.has(w) : WAS_EN.has(w) && !ASKING_EN.has(norms[i - 1] ?? '');
    if (said) {
      add('absences', 2);
      return;
    }
  }
}

/** "how did I do", "how is Dima doing", "how Sonya did in music" (but not "how do I use"). */
function howDoing(norms: readonly string[], i: number): boolean {
  for (let k = i + 2; k <= i + 5 && k < norms.length; k++) {
    if (norms[k] === 'do' || norms[k] === 'doing') return true;
  }
  return norms[i + 2] === 'did' || norms[i + 3] === 'did';
}
