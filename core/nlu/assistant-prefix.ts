/**
 * Voice assistants hand over what was said to them, often with the invocation still in it:
 * "Алиса, спроси у дневника что задали", "Alexa, ask school diary for my grades".
 * The invocation must not be read as content ("Алиса" is also a girl's name).
 */

const WAKE = new Set([
  'алиса',
  'алис',
  'алекса',
  'alexa',
  'echo',
  'окей',
  'ok',
  'okay',
  'эй',
  'hey',
  'слушай',
  'яндекс',
  'маруся',
  'марусь',
  'siri',
]);

/** Verbs that hand the request over; always part of the invocation when they open it. */
const ASK = new Set([
  'спроси',
  'спросите',
  'попроси',
  'попросите',
  'скажи',
  'скажите',
  'узнай',
  'узнайте',
  'расскажи',
  'подскажи',
  'ask',
  'tell',
]);

/** Verbs that open a skill; they are invocation only when a skill name follows ("включи уведомления" is content). */
const OPEN = new Set(['открой', 'запусти', 'включи', 'вызови', 'open', 'launch', 'start', 'use', 'run']);

const SKILL_WORDS = new Set([
  'навык',
  'навыка',
  'навыку',
  'навыке',
  'приложение',
  'дневник',
  'дневника',
  'дневнику',
  'дневнике',
  'дневничок',
  'школьный',
  'школьного',
  'школьному',
  'школьном',
  'электронный',
  'электронного',
  'электронному',
  'мой',
  'моего',
  'моему',
  'skill',
  'school',
  'diary',
  'my',
  'the',
  'app',
]);
const SKILL_CORE = new Set([
  'дневник',
  'дневника',
  'дневнику',
  'дневнике',
  'дневничок',
  'навык',
  'навыка',
  'diary',
  'skill',
]);

/** Small words between the invocation and the request: "у дневника", "ask diary for", "и". */
const LINKS = new Set([
  'у',
  'в',
  'во',
  'из',
  'с',
  'и',
  'а',
  'мне',
  'нам',
  'пожалуйста',
  'and',
  'to',
  'for',
  'about',
  'me',
  'us',
  'please',
  'if',
]);

/** How many leading tokens belong to the invocation. */
export function assistantPrefixLength(norms: readonly string[]): number {
  let i = 0;
  let invoked = false;
  while (i < norms.length && WAKE.has(norms[i]) && !startsStatement(norms, i)) {
    i++;
    invoked = true;
  }
  const verb = norms[i];
  if (verb !== undefined && ASK.has(verb)) {
    i++;
    invoked = true;
  } else if (verb !== undefined && OPEN.has(verb) && opensSkill(norms, i + 1)) {
    i++;
    invoked = true;
  }
  if (!invoked) return 0;
  const afterVerb = i;
  let j = i;
  while (j < norms.length && (LINKS.has(norms[j]) || SKILL_WORDS.has(norms[j]))) j++;
  // Only skip the skill name if one is really there: in "скажи мои оценки" the "мои" is content.
  const named = norms.slice(afterVerb, j).some((w) => SKILL_CORE.has(w));
  if (named) return skipLinks(norms, j);
  return skipLinks(norms, afterVerb, true);
}

/** "Алиса получила пятёрку?" is about a girl called Алиса, not addressed to the assistant. */
function startsStatement(norms: readonly string[], i: number): boolean {
  const next = norms[i + 1];
  return norms[i] === 'алиса' && next !== undefined && !ASK.has(next) && /(?:ла|ли|л|ет|ит)$/.test(next);
}

function opensSkill(norms: readonly string[], from: number): boolean {
  for (let k = from; k < norms.length && k < from + 4; k++) {
    if (SKILL_CORE.has(norms[k])) return true;
    if (!SKILL_WORDS.has(norms[k]) && !LINKS.has(norms[k])) return false;
  }
  return false;
}

function skipLinks(norms: readonly string[], from: number, onlyPronouns = false): number {
  let j = from;
  const skippable = onlyPronouns ? ['мне', 'нам', 'me', 'us', 'пожалуйста', 'please'] : [...LINKS];
  while (j < norms.length && skippable.includes(norms[j])) j++;
  return j;
}
