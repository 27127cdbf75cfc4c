import type { Database } from '../db/database';
import { createAccessLogStore } from './access/access-log-store';
import { createAlertStore } from './alerts/alert-store';
import { createCalendarFeedStore } from './calendar-feed/calendar-feed-store';
import { createChatStatusStore } from './conversation/chat-status-store';
import { createQueryContextStore } from './conversation/query-context-store';
import { createTeacherSettingsStore } from './conversation/teacher-settings-store';
import { createReadModel } from './diary/read-model';
import { createIngestStore } from './ingest/ingest-store';
import { createJournalKeyStore } from './journal-keys/journal-key-store';
import { createDeploymentFactsStore } from './linking/deployment-facts-store';
import { createLinkingStore } from './linking/linking-store';
import { createOAuthStore } from './oauth/oauth-store';
import { createPresenceReader } from './presence/presence-reader';
import { createJournalPort } from './reminders/reminder-journal';
import { createReminderStore } from './reminders/reminder-store';
import { createRosterStore } from './roster/roster-store';
import { createComingReader } from './school-news/coming-reader';
import { createSubscriptionSettingsStore } from './settings/subscription-settings-store';
import { createTermReader } from './terms/term-reader';

// Every store over one database, built once per process: the composition root and the CLI take
// them from here instead of each building its own (a store holds caches and prepared statements).
// Grouped by the core port each serves; each folder under stores/ is one such port.

export type Stores = ReturnType<typeof createStores>;

export function createStores(db: Database, defaultZone: string) {
  return {
    ingest: createIngestStore(db),
    readModel: createReadModel(db, defaultZone),
    terms: createTermReader(db),
    presence: createPresenceReader(db),
    coming: createComingReader(db),
    accessLog: createAccessLogStore(db),
    alerts: createAlertStore(db),
    reminders: createReminderStore(db),
    journal: createJournalPort(db),
    journalKeys: createJournalKeyStore(db),
    linking: createLinkingStore(db),
    deploymentFacts: createDeploymentFactsStore(db),
    oauth: createOAuthStore(db),
    settings: createSubscriptionSettingsStore(db),
    teacherSettings: createTeacherSettingsStore(db),
    chats: createChatStatusStore(db),
    queryContexts: createQueryContextStore(db),
    roster: createRosterStore(db),
    calendarFeeds: createCalendarFeedStore(db),
  };
}
