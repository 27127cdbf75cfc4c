export { createAliceSkill, type AliceSkill, type AliceSkillDeps } from './alice-skill';
export { ZAliceRequestSchema, ZAliceResponseSchema, type TAliceRequest, type TAliceResponse } from './alice-schemas';
