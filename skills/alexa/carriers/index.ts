import { ABSENCES_CARRIERS } from './absences';
import { AVERAGE_CARRIERS } from './average';
import { BALANCE_CARRIERS } from './balance';
import { EVENTS_CARRIERS } from './events';
import { samplesOf } from './expand-carrier';
import { FINAL_GRADES_CARRIERS } from './final-grades';
import { FOLLOW_UP_CARRIERS } from './follow-up';
import { GRADES_CARRIERS } from './grades';
import { HOMEWORK_CARRIERS } from './homework';
import { JOURNAL_CARRIERS } from './journal';
import { FORGET_CARRIERS, LINK_CODE_CARRIERS } from './linking';
import { NEEDED_CARRIERS } from './needed';
import { PRESENCE_CARRIERS } from './presence';
import { SCHEDULE_CARRIERS } from './schedule';
import { TESTS_CARRIERS } from './tests';
import { TOPICS_CARRIERS } from './topics';

// The sample utterances of each custom intent, expanded from its carriers (one file per intent).

export const INTENT_SAMPLES = {
  GradesIntent: samplesOf(GRADES_CARRIERS),
  HomeworkIntent: samplesOf(HOMEWORK_CARRIERS),
  ScheduleIntent: samplesOf(SCHEDULE_CARRIERS),
  BalanceIntent: samplesOf(BALANCE_CARRIERS),
  JournalIntent: samplesOf(JOURNAL_CARRIERS),
  AverageIntent: samplesOf(AVERAGE_CARRIERS),
  FinalGradesIntent: samplesOf(FINAL_GRADES_CARRIERS),
  NeededIntent: samplesOf(NEEDED_CARRIERS),
  TopicsIntent: samplesOf(TOPICS_CARRIERS),
  PresenceIntent: samplesOf(PRESENCE_CARRIERS),
  AbsencesIntent: samplesOf(ABSENCES_CARRIERS),
  TestsIntent: samplesOf(TESTS_CARRIERS),
  EventsIntent: samplesOf(EVENTS_CARRIERS),
  FollowUpIntent: samplesOf(FOLLOW_UP_CARRIERS),
  LinkCodeIntent: samplesOf(LINK_CODE_CARRIERS),
  ForgetIntent: samplesOf(FORGET_CARRIERS),
} as const;
