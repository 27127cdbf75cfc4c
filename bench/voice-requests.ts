// Webhook bodies of the voice platforms as the benchmarks send them: an Alice request (Yandex
// Dialogs protocol) and an Alexa IntentRequest envelope, with only what the skills read.

export interface TAliceRequestOptions {
  skillId: string;
  userId: string;
  sessionId: string;
  messageId: number;
  command: string;
  isNew?: boolean;
  /** The skill's session state from its previous answer (Alice hands it back). */
  state?: unknown;
}

export function aliceRequest(o: TAliceRequestOptions) {
  return {
    meta: { locale: 'ru-RU', timezone: 'Europe/Moscow', client_id: 'bench', interfaces: { screen: {} } },
    session: {
      message_id: o.messageId,
      session_id: o.sessionId,
      skill_id: o.skillId,
      user: { user_id: o.userId },
      application: { application_id: `app-${o.userId}` },
      new: o.isNew ?? false,
    },
    request: {
      command: o.command,
      original_utterance: o.command,
      type: 'SimpleUtterance',
      markup: { dangerous_context: false },
      nlu: { tokens: o.command.split(' ').filter(Boolean), entities: [], intents: {} },
    },
    state: { session: o.state ?? {}, user: {}, application: {} },
    version: '1.0',
  };
}

export interface TAlexaRequestOptions {
  skillId: string;
  userId: string;
  sessionId: string;
  requestId: string;
  intent: string;
  /** Slot name → the value Alexa heard. */
  slots: Record<string, string>;
  /** The skill's session attributes from its previous answer (Alexa hands them back). */
  attributes?: Record<string, unknown>;
}

export function alexaIntentRequest(o: TAlexaRequestOptions) {
  const slots = Object.fromEntries(Object.entries(o.slots).map(([name, value]) => [name, { name, value }]));
  return {
    version: '1.0',
    session: {
      new: false,
      sessionId: o.sessionId,
      application: { applicationId: o.skillId },
      user: { userId: o.userId },
      attributes: o.attributes ?? {},
    },
    context: {
      System: {
        application: { applicationId: o.skillId },
        user: { userId: o.userId },
        device: { deviceId: 'd', supportedInterfaces: {} },
        apiEndpoint: 'https://api.amazonalexa.com',
      },
    },
    request: {
      type: 'IntentRequest',
      requestId: o.requestId,
      timestamp: new Date().toISOString(),
      locale: 'en-US',
      intent: { name: o.intent, confirmationStatus: 'NONE', slots },
    },
  };
}

/** A body or a response as it crosses the route: written as JSON and parsed on the other side. */
export const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
