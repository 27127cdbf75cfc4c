import type { ChatStatusStore } from '../core/conversation/chat-status-port';
import type { PrismaClient } from './generated/client';

/** Chat.active, which the alerts pipeline also reads before sending. */
export function createChatStatusStore(prisma: PrismaClient): ChatStatusStore {
  return {
    async setActive(chat, active) {
      await prisma.chat.updateMany({ where: { channel: chat.channel, externalId: chat.externalId, active: !active }, data: { active } });
    },
  };
}
