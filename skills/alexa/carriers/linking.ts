// LinkCodeIntent (the code from the school's letter) and ForgetIntent (withdraw consent, delete everything).
// Grammar: (a|b) one of, [x] optional — see expand-carrier.ts.

export const LINK_CODE_CARRIERS: readonly string[] = [
  'my code is {code}',
  'link code {code}',
  'connect with code {code}',
  'use the code {code}',
  'the digits are {code}',
];

export const FORGET_CARRIERS: readonly string[] = [
  'forget me',
  'delete my data',
  'unlink me',
  'remove my data',
  'disconnect the diary',
];
