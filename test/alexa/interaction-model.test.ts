import { readFileSync } from 'node:fs';
import { MODEL_PATH, modelFileText } from '../../scripts/alexa-model';
import { buildInteractionModel, CUSTOM_INTENTS } from '../../skills/alexa';

// The shipped interaction model is generated from the definitions the handlers read.

describe('Alexa interaction model', () => {
  it('is the committed skill-package file, regenerated from the code (npm run alexa:model)', () => {
    expect(readFileSync(MODEL_PATH, 'utf8')).toBe(modelFileText());
  });

  it('keeps to Amazon’s rules: declared slots only, slots stand alone, each sample in one intent', () => {
    const seen = new Map<string, string>();
    for (const intent of CUSTOM_INTENTS) {
      const declared = new Set(intent.slots.map((s) => s.name));
      for (const sample of intent.samples) {
        for (const [, slot] of sample.matchAll(/\{(\w+)\}/g)) expect(declared).toContain(slot);
        expect(sample).not.toMatch(/\}\S|\S\{/);
        expect(sample.replace(/\bI\b/g, 'i')).toBe(sample.toLowerCase());
        expect(seen.get(sample.toLowerCase())).toBeUndefined();
        seen.set(sample.toLowerCase(), intent.name);
      }
    }
  });

  it('gives every subject slot value a unique id and the core lexicon’s English names as synonyms', () => {
    const types = buildInteractionModel().interactionModel.languageModel.types;
    const values = types[0].values;
    expect(new Set(values.map((v) => v.id)).size).toBe(values.length);
    const maths = values.find((v) => v.name.value === 'Maths');
    expect(maths?.name.synonyms).toEqual(expect.arrayContaining(['math', 'mathematics']));
  });
});
