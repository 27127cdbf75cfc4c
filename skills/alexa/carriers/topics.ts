// TopicsIntent: the topics behind the weakest grades, to work on, for oneself or a child.
// Grammar: (a|b) one of, [x] optional — see expand-carrier.ts.

export const TOPICS_CARRIERS: readonly string[] = [
  'which topics is {child} weak in [{term}]',
  'which {subject} topics am I weak in [{term}]',
  'what should I work on [in {subject}] [{term}]',
  'what should {child} (revise|practise|study) [in {subject}]',
  'where am I struggling [in {subject}]',
  'what topics need more work [for {child}] [in {subject}]',
  'tell me the weak spots of {child} [in {subject}] [{term}]',
  'what is {child} bad at [in {subject}]',
  'which themes did I do badly in [{term}]',
  'help me find my weak topics [in {subject}]',
  'what do I need to catch up on [in {subject}]',
  'where are my gaps [in {subject}] [{term}]',
  'show me the topics with low marks [for {child}]',
  'list the hardest topics for {child} [in {subject}]',
  'what should we go over [in {subject}]',
  'is {child} behind on any topics [{term}]',
  'weak topics [for {child}] [in {subject}]',
  'do I have weak areas in {subject}',
  'does {child} have any weak areas [{term}]',
  'give me topics to review [in {subject}]',
  'how can I improve in {subject}',
  'what went wrong [in {subject}] [{term}]',
];
