// The public face of core/presence (turnstile passes and attendance): outside core, the module is
// imported only from here.

export { dayInstants, localTime } from './presence-day';
export type { PresenceReader } from './presence-port';
export type {
  TAbsenceTally,
  TAttendanceRequest,
  TAttendanceStatus,
  TMarkedLesson,
  TPass,
  TPassDay,
  TPassDirection,
  TPassRequest,
} from './presence-types';
