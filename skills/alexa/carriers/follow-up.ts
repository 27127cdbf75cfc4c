// FollowUpIntent: a question that changes one thing of the previous one ("what about physics").
// Grammar: (a|b) one of, [x] optional — see expand-carrier.ts.

export const FOLLOW_UP_CARRIERS: readonly string[] = [
  'what about {subject}',
  'and {subject}',
  'what about {date}',
  'and {date}',
  'how about {date}',
  'what about {child}',
  'and for {child}',
  'how about {child}',
  'what about {term}',
  'and {term}',
  'what about {target}',
  'and for {target}',
];
