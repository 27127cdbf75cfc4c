// NeededIntent: what it takes to reach a mark (the target; the next one up when none is named).
// Grammar: (a|b) one of, [x] optional — see expand-carrier.ts.

export const NEEDED_CARRIERS: readonly string[] = [
  'what do I need to get {target} in {subject} [{term}]',
  'how many fives does {child} need for {target} in {subject}',
  'how many fives do I need for {target} [in {subject}] [{term}]',
  'what does {child} need (for|to get) {target} [in {subject}]',
  'can I still get {target} in {subject} [{term}]',
  'is {target} still possible in {subject} [for {child}]',
  'what would it take to get {target} [in {subject}]',
  'how (do|can) I get my {subject} grade up to {target}',
  'how many good marks does {child} need [in {subject}] [{term}]',
  'what should {child} score to reach {target} [in {subject}]',
  'tell me what I need for {target} [in {subject}] [{term}]',
  'what marks do I need [in {subject}] [{term}]',
  'is it possible for {child} to get {target} [{term}]',
  'how can I raise my {subject} mark [to {target}]',
  'what do I have to get to pull my {subject} mark up [to {target}]',
  'how far is {child} from {target} [in {subject}]',
  'do I need more fives [in {subject}] [{term}]',
  'fives needed for {target} [in {subject}]',
  'which grades does {child} need to get {target}',
  'am I going to make {target} [in {subject}]',
  'give me the number of fives I need for {target}',
  'calculate what {child} needs [for {target}] [in {subject}]',
];
