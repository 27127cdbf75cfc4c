import type { TAlertMode, TAlertType } from '../../../core/alerts';
import { defaultSettings, SHARED_MODE_TYPES, type SubscriptionSettingsStore } from '../../../core/settings';
import type { Database } from '../../db/database';

/** Subscription rows written from a settings menu; the alerts pipeline reads the same rows. */
export function createSubscriptionSettingsStore(db: Database): SubscriptionSettingsStore {
  const { prisma } = db;
  return {
    async read(personId) {
      const rows = await prisma.subscription.findMany({
        where: { personId },
        orderBy: [{ studentId: 'asc' }, { type: 'asc' }],
      });
      return rows.map((r) => ({
        studentId: r.studentId,
        settings: {
          type: r.type as TAlertType,
          enabled: r.enabled,
          mode: r.mode as TAlertMode,
          digestTime: r.digestTime,
          quietFrom: r.quietFrom,
          quietTo: r.quietTo,
          thresholdKopecks: r.thresholdKopecks,
        },
      }));
    },

    async write(personId, types, patch, only) {
      const links = await prisma.studentLink.findMany({
        where: { personId, ...(only ? { studentId: { in: [...only] } } : {}) },
        select: { studentId: true },
        orderBy: { createdAt: 'asc' },
      });
      const studentIds = links.map((l) => l.studentId);
      // Delivery and quiet hours are the person's, shared by all their rows: a new row (one child's
      // switch turned on for the first time) takes them from an existing one, not from the defaults.
      // Presence types keep a delivery of their own (core/settings PRESENCE_TYPES), so the shared one
      // is read from, and given to, the other types' rows only.
      const shared = await prisma.subscription.findFirst({
        where: { personId, type: { in: [...SHARED_MODE_TYPES] } },
        select: { mode: true, digestTime: true, quietFrom: true, quietTo: true },
        orderBy: [{ studentId: 'asc' }, { type: 'asc' }],
      });
      const quiet = await prisma.subscription.findFirst({
        where: { personId },
        select: { quietFrom: true, quietTo: true },
        orderBy: [{ studentId: 'asc' }, { type: 'asc' }],
      });
      // One transaction: a menu tap changes all the children it names or none of them.
      await prisma.$transaction(
        studentIds.flatMap((studentId) =>
          types.map((type) => {
            const { type: _type, ...defaults } = defaultSettings(type);
            const inherited = SHARED_MODE_TYPES.includes(type) ? (shared ?? quiet) : quiet;
            return prisma.subscription.upsert({
              where: { personId_studentId_type: { personId, studentId, type } },
              create: { personId, studentId, type, ...defaults, ...inherited, ...patch },
              update: patch,
            });
          }),
        ),
      );
    },
  };
}
