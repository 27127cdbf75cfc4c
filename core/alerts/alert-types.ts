import type { TOutboxKind } from '../ingest/ingest-types';

// The vocabulary of the alerts pipeline: outbox facts in, planned items, composed messages out.

export type TAlertType = 'grades' | 'homework' | 'schedule' | 'balance';
export type TAlertMode = 'instant' | 'digest';

/** One outbox row as the planner sees it; `payload` is checked by fact-schemas. */
export interface TOutboxFact {
  id: string;
  kind: string;
  studentId: string | null;
  classId: string | null;
  payload: unknown;
  /** Ingestion time: the start of the coalescing window and of the end-to-end latency. */
  createdAt: Date;
}

export interface TSubscriptionSettings {
  type: TAlertType;
  enabled: boolean;
  mode: TAlertMode;
  /** "HH:mm" school time; digest mode only. */
  digestTime: string | null;
  /** "HH:mm" school time; equal values mean no quiet hours. */
  quietFrom: string;
  quietTo: string;
  thresholdKopecks: number | null;
}

/** One chat of one person linked to one student, with that person's subscription of one type. */
export interface TRecipient {
  chatId: string;
  channel: string;
  chatActive: boolean;
  /** The person has a consent that is not withdrawn. */
  consentActive: boolean;
  personId: string;
  studentId: string;
  studentName: string;
  timezone: string;
  subscription: TSubscriptionSettings;
}

/** What a rendered line needs; names are resolved at planning time so sending reads one table. */
export interface TItemPayload {
  studentName: string;
  subjectName?: string;
  value?: string;
  previousValue?: string;
  weight?: number;
  workType?: string | null;
  date?: string;
  dueDate?: string;
  isNew?: boolean;
  start?: string;
  previousDate?: string;
  previousStart?: string;
  balanceKopecks?: number;
  thresholdKopecks?: number;
}

/** Outbox kinds become item kinds one to one, except a canteen transaction: it alerts only as a low balance. */
export type TItemKind = Exclude<TOutboxKind, 'canteen.transaction'> | 'canteen.low';

export interface TPlannedItem {
  outboxId: string;
  chatId: string;
  studentId: string;
  type: TAlertType;
  kind: TItemKind;
  /** A grade id: a later change or removal of the grade may withdraw this item while unsent. */
  refId: string | null;
  groupKey: string;
  payload: TItemPayload;
  ingestedAt: Date;
  dueAt: Date;
}

/** An unsent item taken back from the store because a later fact supersedes it. */
export interface TWithdrawnItem {
  chatId: string;
  refId: string;
  kind: TItemKind;
}

export interface TPlanningInput {
  facts: TOutboxFact[];
  /** Recipients per student id. */
  recipients: Map<string, TRecipient[]>;
  /** Student ids per class id, for class-wide facts (homework, lessons). */
  classStudents: Map<string, string[]>;
  subjectNames: Map<string, string>;
  withdrawn: TWithdrawnItem[];
}

/** Due items of one chat that go out together. */
export interface TItemGroup {
  chatId: string;
  locale: string;
  groupKey: string;
  items: { id: string; kind: TItemKind; payload: TItemPayload; ingestedAt: Date }[];
}

export interface TComposedMessage {
  chatId: string;
  text: string;
  itemIds: string[];
  ingestedAt: Date;
}
