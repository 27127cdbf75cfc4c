// FinalGradesIntent: the marks fixed for a term or the year, for oneself or a child.
// Grammar: (a|b) one of, [x] optional — see expand-carrier.ts.

export const FINAL_GRADES_CARRIERS: readonly string[] = [
  'what are the final (grades|marks) [in {subject}] [{term}]',
  'what did (I|{child}) get for {term} [in {subject}]',
  'tell me the final marks of {child} [{term}]',
  'tell me my final grades [in {subject}]',
  'read out the term marks [for {child}]',
  'read me the annual grades [in {subject}]',
  'which final grade did {child} get in {subject} [{term}]',
  'how did I finish [in {subject}] {term}',
  'what mark did {child} end up with [in {subject}] [{term}]',
  'what were my marks for {term} [in {subject}]',
  'have the final grades been (given|set|published) [{term}]',
  'did {child} get a final mark in {subject} [{term}]',
  'is my final grade in {subject} out [yet]',
  'final grades [for {child}] [{term}]',
  'give me the year end (grades|marks) [for {child}]',
  'show me my report card [{term}]',
  "what's on the report card of {child} [{term}]",
  'how did {child} close {term} [in {subject}]',
  'list the final marks [{term}]',
  'check the final results [for {child}]',
  'were the final marks handed out {term}',
  'what are my quarter marks [in {subject}]',
];
