export { type AlexaSkillDeps, createAlexaSkill } from './alexa-skill';
export { ALEXA_LOCALES, buildInteractionModel, CUSTOM_INTENTS, INVOCATION_NAME } from './interaction-model';
