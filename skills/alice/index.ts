export { type TAliceRequest, type TAliceResponse, ZAliceRequestSchema, ZAliceResponseSchema } from './alice-schemas';
export { type AliceSkill, type AliceSkillDeps, createAliceSkill } from './alice-skill';
