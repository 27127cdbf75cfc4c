import { expandCarrier, samplesOf } from '../../skills/alexa/carriers/expand-carrier';
import { carrierShape, nearDuplicates } from '../helpers/sample-similarity';

// The grammar the sample utterances are written in, and what the model test calls a near-duplicate.

describe('carrier grammar', () => {
  it('expands alternatives and optional parts, nested, in the order written', () => {
    expect(expandCarrier('what (grades|marks) did I get [{date}]')).toEqual([
      'what grades did I get {date}',
      'what grades did I get',
      'what marks did I get {date}',
      'what marks did I get',
    ]);
    expect(expandCarrier('homework [in {subject} [for {date}]]')).toEqual([
      'homework in {subject} for {date}',
      'homework in {subject}',
      'homework',
    ]);
    expect(expandCarrier('(tell|read) me (my|the (latest|new)) grades')).toEqual([
      'tell me my grades',
      'tell me the latest grades',
      'tell me the new grades',
      'read me my grades',
      'read me the latest grades',
      'read me the new grades',
    ]);
  });

  it('gives each sentence once across an intent’s carriers', () => {
    expect(samplesOf(['my grades [{date}]', '(my|your) grades'])).toEqual([
      'my grades {date}',
      'my grades',
      'your grades',
    ]);
  });

  it('refuses a carrier with unbalanced brackets', () => {
    for (const broken of ['what (grades', 'what grades)', '[{date}', 'a | b', 'what (a|b]']) {
      expect(() => expandCarrier(broken)).toThrow(/carrier/);
    }
  });
});

describe('near-duplicate samples', () => {
  it('are the same request worded with other fillers, contractions or a plural', () => {
    expect(nearDuplicates("what's my homework", 'what is the homework')).toBe(true);
    expect(nearDuplicates('tell me my grades {date}', 'tell me the grades for {date}')).toBe(true);
    expect(nearDuplicates('what grade did I get {date}', 'what grades did I get {date}')).toBe(true);
    expect(nearDuplicates('homework for {date}', '{date} homework')).toBe(true);
    expect(nearDuplicates('read me my homework', 'read me my homwork')).toBe(true);
  });

  it('are not samples with other slots, another verb, or another word of the same length', () => {
    expect(nearDuplicates('what is my homework', 'what is my homework for {date}')).toBe(false);
    expect(nearDuplicates('tell me my homework', 'read me my homework')).toBe(false);
    expect(nearDuplicates('what did I get in {subject}', 'what was set in {subject}')).toBe(false);
    expect(nearDuplicates('do I have homework', 'homework')).toBe(false);
  });

  it('share a carrier shape when they differ only in slots', () => {
    expect(carrierShape('what is my {subject} homework for {date}')).toBe(carrierShape('what is my homework'));
    expect(carrierShape('tell me my homework')).not.toBe(carrierShape('what is my homework'));
  });
});
