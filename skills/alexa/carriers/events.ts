// EventsIntent: school events coming — a match, a concert, an open day — of the class or the school.
// Grammar: (a|b) one of, [x] optional — see expand-carrier.ts.

export const EVENTS_CARRIERS: readonly string[] = [
  'what events are there at school [{date}]',
  'what is happening at school [{date}]',
  'what is going on at school [{date}]',
  'are there any school events [{date}]',
  'any events for {child} [{date}]',
  'does {child} have any school events [{date}]',
  'which events are coming up [at school]',
  'tell me about the school events [{date}]',
  'list the school events [for {child}]',
  'read me the events calendar [{date}]',
  'give me the school events [for {child}] [{date}]',
  'is there a school concert [{date}]',
  'when is the (school concert|open day|sports day|school fair)',
  'is there a (match|tournament|field trip) [{date}]',
  'school calendar of events [{date}]',
  'show me the upcoming events',
  'have I got any events at school [{date}]',
  "what's on at school [{date}]",
  'check the school events for {child}',
  'find out about events at school',
  'how many events are there [{date}]',
  'whats planned at school [{date}]',
  'is anything special happening at school [{date}]',
  'upcoming school events for {child}',
];
