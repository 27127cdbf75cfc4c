import type { z } from 'zod';
import { ZQuerySchema } from '../../core/nlu';
import { voiceSessionSchema } from '../voice/voice-session';

// What the skill keeps in Alexa's session attributes between turns; the previous question is kept whole.

export const ZAlexaSessionSchema = voiceSessionSchema(ZQuerySchema);
export type TAlexaSession = z.infer<typeof ZAlexaSessionSchema>;
