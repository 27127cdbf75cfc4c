import { randomBytes } from 'node:crypto';
import { type AnswerService, createAnswerService } from '../core/answers';
import type { TConversationLogger } from '../core/conversation';
import {
  CURRENT_CONSENT_VERSION,
  createLinkService,
  issueCodes,
  type LinkService,
  type TChatRef,
} from '../core/linking';
import type { Database } from '../prisma/db/database';
import { roster } from '../prisma/demo/roster';
import { createStores, type Stores } from '../prisma/stores';

// What every channel of the dialogue benchmark is built from, as main.ts builds it: every store
// over one database (createStores), one answer service, one linking service. The clock of the
// questions is fixed on a school day, so the answers are the same whenever the benchmark runs.

export interface TDialogueWorld {
  db: Database;
  stores: Stores;
  answers: AnswerService;
  linking: LinkService;
  timezone: string;
  now: () => Date;
  /** The Sokolov children's ids, in the order every chat links them (Артём, then Дарья). */
  children: string[];
  /** Links `chat` to the Sokolov children with consent, through the linking service the channels use. */
  linkSokolovs(chat: TChatRef): Promise<void>;
}

export const silentLogger: TConversationLogger = {
  child: () => silentLogger,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export function dialogueWorld(db: Database, timezone: string, now: Date): TDialogueWorld {
  const stores = createStores(db, timezone);
  const pepper = randomBytes(32);
  const linking = createLinkService({ store: stores.linking, access: stores.readModel.access, pepper });
  const children = roster()
    .filter((s) => s.familyKey === 'sokolov')
    .map((s) => s.id);
  return {
    db,
    stores,
    // No per-chat question limit: one chat asks thousands of questions here, a person a few a minute.
    answers: createAnswerService({ ...stores.readModel, defaultTimezone: timezone }),
    linking,
    timezone,
    now: () => now,
    children,
    async linkSokolovs(chat) {
      const targets = children.map((studentId) => ({ role: 'guardian' as const, studentId, teacherId: null }));
      for (const { code } of await issueCodes(stores.linking, pepper, targets)) {
        const started = await linking.startLink(chat, code);
        if (!started.ok) throw new Error(`link code refused for ${chat.channel}: ${started.reason}`);
        const accepted = await linking.acceptConsent(chat, started.pending, CURRENT_CONSENT_VERSION);
        if (!accepted.ok) throw new Error(`consent not recorded for ${chat.channel}: ${accepted.reason}`);
      }
    },
  };
}
