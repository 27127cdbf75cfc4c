import { validateInChunks } from '../../cli/import-chunks';
import { absolutePathArgs } from '../../cli/runtime-commands';
import { validateEvents } from '../../core/ingest/validate-batch';

// `dnevnik import` checks a file a chunk at a time (so a server running it answers in between):
// the events and errors are those of checking it whole, errors numbered through the file.

describe('validateInChunks', () => {
  test('the same events and errors as validateEvents over the whole file', async () => {
    const raw = Array.from({ length: 2500 }, (_, i) =>
      i % 997 === 5
        ? { id: `e${i}`, type: 'school.upserted', occurredAt: 'yesterday', data: { schoolId: 's', name: 'Школа' } }
        : {
            id: `e${i}`,
            type: 'school.upserted',
            occurredAt: '2026-12-01T09:00:00+03:00',
            data: { schoolId: `s${i}`, name: 'Школа' },
          },
    );
    const whole = validateEvents(raw);
    const chunked = await validateInChunks(raw);
    expect(chunked.events).toEqual(whole.events);
    expect(chunked.errors).toEqual(whole.errors);
    expect(chunked.errors.map((e) => e.index)).toEqual([5, 1002, 1999]);
  });
});

describe('absolutePathArgs for import', () => {
  test('the file is made absolute, not the value of --key-id', () => {
    expect(absolutePathArgs('import', ['--key-id', 'k1', 'events.json', '--silent'], '/home/op')).toEqual([
      '--key-id',
      'k1',
      '/home/op/events.json',
      '--silent',
    ]);
    expect(absolutePathArgs('import', ['--key-id=k1', 'a/events.csv'], '/home/op')).toEqual([
      '--key-id=k1',
      '/home/op/a/events.csv',
    ]);
    expect(absolutePathArgs('import', ['/data/events.json'], '/home/op')).toEqual(['/data/events.json']);
  });
});
