import type { TComingTest, TSchoolEventItem } from '../school-news/coming-types';
import type { TPeriod, TStudentRef } from './answer-types';

// The answers about what is coming: tests and school events, before any wording. `fortnight` /
// `thisWeek`: no days were said, so the span is the default one and is worded as such.

export type TComingAnswer =
  /** `next`: a subject's next test alone («что будет на контрольной по алгебре»); `tests` holds one at most. */
  | {
      kind: 'tests';
      period: TPeriod;
      fortnight: boolean;
      subject: string | null;
      next: boolean;
      sections: { student: TStudentRef; tests: TComingTest[] }[];
    }
  | {
      kind: 'events';
      period: TPeriod;
      thisWeek: boolean;
      sections: { student: TStudentRef; events: TSchoolEventItem[] }[];
    };
