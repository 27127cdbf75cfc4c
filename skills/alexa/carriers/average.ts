// AverageIntent: the average so far and the mark it makes, for oneself or a child, a subject and a term.
// Grammar: (a|b) one of, [x] optional — see expand-carrier.ts.

export const AVERAGE_CARRIERS: readonly string[] = [
  "what's my average [in {subject}] [{term}]",
  'what is {child} getting in {subject} [{term}]',
  'what (mark|grade) (am I|is {child}) heading for in {subject} [{term}]',
  'what is my average (grade|mark) [{term}]',
  'what will (I|{child}) get in {subject} {term}',
  'tell me the average for {child} [in {subject}] [{term}]',
  'how are my grades averaging [in {subject}] [{term}]',
  'how (high|low) is my average [in {subject}]',
  'give me my average [for {term}]',
  'calculate my average in {subject} [{term}]',
  'which mark is coming out in {subject} [{term}]',
  'average for {child} [in {subject}] {term}',
  'my average [in {subject}] [{term}]',
  'read me the average marks [of {child}] [{term}]',
  'do you know my average [in {subject}]',
  'am I going to get a good mark in {subject} {term}',
  'current average [in {subject}]',
  'where does {child} stand in {subject} [{term}]',
  'show me the average (score|grade) [in {subject}]',
  "what's the overall (mark|grade) for {child} [{term}]",
  'are my marks good enough [in {subject}] [{term}]',
  'can you tell me my average [{term}]',
];
