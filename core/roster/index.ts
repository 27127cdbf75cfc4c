// The public face of core/roster: outside core, the module is imported only from here.

export type { RosterReader, TRosterFilter, TRosterKind } from './roster-port';
