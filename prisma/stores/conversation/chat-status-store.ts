import type { ChatStatusStore } from '../../../core/conversation';
import type { Database } from '../../db/database';

/** Chat.active, which the alerts pipeline also reads before sending. */
export function createChatStatusStore(db: Database): ChatStatusStore {
  const { prisma } = db;
  return {
    async setActive(chat, active) {
      await prisma.chat.updateMany({
        where: { channel: chat.channel, externalId: chat.externalId, active: !active },
        data: { active },
      });
    },
  };
}
