import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALEXA_LOCALES, buildInteractionModel } from '../skills/alexa';

// Writes the Alexa interaction model of every locale the skill is published in, from the intents and
// slots the skill's code uses (skills/alexa/interaction-model.ts). Run after changing them:
// `npm run alexa:model`.

export const MODEL_DIR = path.join(__dirname, '..', 'skill-package', 'interactionModels', 'custom');

export const modelPath = (locale: string) => path.join(MODEL_DIR, `${locale}.json`);

export function modelFileText(): string {
  return `${JSON.stringify(buildInteractionModel(), null, 2)}\n`;
}

if (require.main === module) {
  mkdirSync(MODEL_DIR, { recursive: true });
  for (const locale of ALEXA_LOCALES) {
    writeFileSync(modelPath(locale), modelFileText());
    process.stdout.write(`wrote ${path.relative(process.cwd(), modelPath(locale))}\n`);
  }
}
