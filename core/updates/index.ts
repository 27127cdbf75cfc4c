// The public face of core/updates: outside core, the module is imported only from here.

export type { EventInbox } from './event-inbox-port';
export type { SeenOnce } from './seen-once-port';
