export { type AlexaSkillDeps, createAlexaSkill } from './alexa-skill';
export { buildInteractionModel, CUSTOM_INTENTS, INVOCATION_NAME } from './interaction-model';
