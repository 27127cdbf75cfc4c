// The public face of core/school-news (tests and school events coming): outside core, the module
// is imported only from here.

export type { ComingReader } from './coming-port';
export type { TComingRequest, TComingTest, TSchoolEventItem } from './coming-types';
