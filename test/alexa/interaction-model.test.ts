import { readdirSync, readFileSync } from 'node:fs';
import { MODEL_DIR, modelFileText, modelPath } from '../../scripts/alexa-model';
import { ALEXA_LOCALES, buildInteractionModel, CUSTOM_INTENTS } from '../../skills/alexa';
import { DIARY_INTENT_NAMES } from '../../skills/alexa/interaction-model';
import { ALL_SAMPLES, intentsMatching } from '../helpers/alexa-samples';
import { carrierShape, nearDuplicates } from '../helpers/sample-similarity';

// The shipped interaction models are generated from the definitions the handlers read, and their
// samples are many ways of asking, not one sentence with its slots shuffled.

describe('Alexa interaction model', () => {
  it('is the committed skill-package file of every locale, regenerated from the code (npm run alexa:model)', () => {
    for (const locale of ALEXA_LOCALES) expect(readFileSync(modelPath(locale), 'utf8')).toBe(modelFileText());
    // A model left behind for a locale the skill no longer declares would still be deployed.
    expect(readdirSync(MODEL_DIR).sort()).toEqual(ALEXA_LOCALES.map((l) => `${l}.json`).sort());
  });

  it('keeps to Amazon’s rules for samples: declared slots once each, standing alone, plain words, ≤ 200 characters', () => {
    for (const intent of CUSTOM_INTENTS) {
      const declared = new Set(intent.slots.map((s) => s.name));
      for (const sample of intent.samples) {
        const slots = [...sample.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        for (const slot of slots) expect(declared).toContain(slot);
        expect(new Set(slots).size).toBe(slots.length);
        expect(sample).not.toMatch(/\}\S|\S\{/);
        // Letters, spaces, possessive apostrophes and periods of abbreviations; numbers spelled out.
        expect(sample).toMatch(/^[a-zA-Z' .{}]+$/);
        expect(sample).toBe(sample.trim().replace(/\s+/g, ' '));
        expect(sample.length).toBeLessThanOrEqual(200);
        expect(sample.replace(/\bI\b/g, 'i')).toBe(sample.toLowerCase());
      }
    }
  });

  it('puts every sample in one intent only, and no two samples say the same thing', () => {
    const seen = new Map<string, string>();
    for (const { intent, sample } of ALL_SAMPLES) {
      expect([sample, seen.get(sample.toLowerCase())]).toEqual([sample, undefined]);
      seen.set(sample.toLowerCase(), intent);
    }
    const pairs: string[] = [];
    for (let i = 0; i < ALL_SAMPLES.length; i++)
      for (let j = i + 1; j < ALL_SAMPLES.length; j++)
        if (nearDuplicates(ALL_SAMPLES[i].sample, ALL_SAMPLES[j].sample))
          pairs.push(
            `${ALL_SAMPLES[i].intent}: "${ALL_SAMPLES[i].sample}" ~ ${ALL_SAMPLES[j].intent}: "${ALL_SAMPLES[j].sample}"`,
          );
    expect(pairs).toEqual([]);
  });

  it.each(Object.keys(DIARY_INTENT_NAMES))(
    'asks for %s in at least 40 ways, most of them different sentences',
    (name) => {
      const samples = CUSTOM_INTENTS.find((i) => i.name === name)!.samples;
      expect(samples.length).toBeGreaterThanOrEqual(40);
      // Sentences apart from their slots: variety of wording, not of slot combinations.
      expect(new Set(samples.map(carrierShape)).size).toBeGreaterThanOrEqual(20);
      // Questions and commands, opening with many different words ("what", "tell", "do", "is", "how" …).
      expect(new Set(samples.map((s) => s.split(' ')[0])).size).toBeGreaterThanOrEqual(10);
    },
  );

  it('recognises how people ask, each in one intent', () => {
    const heard: [string, string][] = [
      ['what is my math homework for tomorrow', 'HomeworkIntent'],
      ['tell me my homework for monday', 'HomeworkIntent'],
      ["what's due in physics tomorrow", 'HomeworkIntent'],
      ['do I have homework tomorrow', 'HomeworkIntent'],
      ['what grades did I get today', 'GradesIntent'],
      ['how did I do in english yesterday', 'GradesIntent'],
      ['read me my latest marks', 'GradesIntent'],
      ['is there a new grade in chemistry', 'GradesIntent'],
      ['what lessons do I have on friday', 'ScheduleIntent'],
      ['when does school start tomorrow', 'ScheduleIntent'],
      ['is history cancelled today', 'ScheduleIntent'],
      ['how much money is on my card', 'BalanceIntent'],
      ['does anna have enough money for lunch', 'BalanceIntent'],
      ['which lessons are not filled in this week', 'JournalIntent'],
      ['is my journal complete', 'JournalIntent'],
      ["what's my average in physics this term", 'AverageIntent'],
      ['what is masha getting in maths this quarter', 'AverageIntent'],
      ['what are the final grades', 'FinalGradesIntent'],
      ['what did masha get for last term', 'FinalGradesIntent'],
      ['what do I need to get an A in math', 'NeededIntent'],
      ['how many fives does masha need for a four in physics', 'NeededIntent'],
      ['which topics is masha weak in', 'TopicsIntent'],
      ['what should I work on in algebra', 'TopicsIntent'],
      ['what about last term', 'FollowUpIntent'],
      ['is masha at school', 'PresenceIntent'],
      ['when did petya leave school yesterday', 'PresenceIntent'],
      ['how many classes did masha miss this term', 'AbsencesIntent'],
      ['was petya in physics today', 'AbsencesIntent'],
      ['when is the next physics test', 'TestsIntent'],
      ['what tests do I have next week', 'TestsIntent'],
      ['what is happening at school this week', 'EventsIntent'],
      ['any events for masha on friday', 'EventsIntent'],
    ];
    for (const [request, intent] of heard) expect([request, intentsMatching(request)]).toEqual([request, [intent]]);
  });

  it('gives every subject slot value a unique id and the core lexicon’s English names as synonyms', () => {
    const types = buildInteractionModel().interactionModel.languageModel.types;
    const values = types[0].values;
    expect(new Set(values.map((v) => v.id)).size).toBe(values.length);
    const maths = values.find((v) => v.name.value === 'Maths');
    expect(maths?.name.synonyms).toEqual(expect.arrayContaining(['math', 'mathematics']));
    // The term questions' own types: a period as said, and the mark aimed at.
    const named = (type: string) => types.find((t) => t.name === type)?.values ?? [];
    expect(named('TARGET_MARK').map((v) => [v.id, v.name.value])).toEqual([
      ['FIVE', 'A'],
      ['FOUR', 'B'],
      ['THREE', 'C'],
    ]);
    expect(named('TERM').map((v) => v.name.value)).toEqual(
      expect.arrayContaining(['this term', 'last term', 'this quarter', 'first quarter', 'this semester', 'this year']),
    );
    for (const type of ['TERM', 'TARGET_MARK'])
      expect(new Set(named(type).map((v) => v.id)).size).toBe(named(type).length);
  });
});
