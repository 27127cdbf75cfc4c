import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildInteractionModel } from '../skills/alexa';

// Writes the Alexa interaction model from the intents and slots the skill's code uses
// (skills/alexa/interaction-model.ts). Run after changing them: `npm run alexa:model`.

export const MODEL_PATH = path.join(__dirname, '..', 'skill-package', 'interactionModels', 'custom', 'en-US.json');

export function modelFileText(): string {
  return `${JSON.stringify(buildInteractionModel(), null, 2)}\n`;
}

if (require.main === module) {
  mkdirSync(path.dirname(MODEL_PATH), { recursive: true });
  writeFileSync(MODEL_PATH, modelFileText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), MODEL_PATH)}\n`);
}
