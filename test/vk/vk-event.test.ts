import nock from 'nock';
import { readQueuedEvent, ZVkEnvelopeSchema } from '../../bots/vk';
import { CALLBACK_SECRET, GROUP_ID, messageEvent, messageNew } from '../helpers/vk-harness';

// What becomes of an event whose envelope passed: the types the bot handles are checked whole and
// queued typed; a broken one of those types is dropped, and so is any other type.

const read = (event: object) => readQueuedEvent(ZVkEnvelopeSchema.parse(event));
const signed = (type: string, object?: unknown) => ({
  type,
  group_id: GROUP_ID,
  event_id: 'e-1',
  secret: CALLBACK_SECRET,
  object,
});

// The harness loads nock, which patches http(s): unpatch it for the next file this jest worker runs.
afterAll(() => nock.restore());

describe('VK event intake', () => {
  it('queues a handled event with VK’s whole object for vk-io, and without the secret', () => {
    const message = messageNew(523456789, 'привет', { ref: '123456789012', payload: { command: 'start' } });
    const { secret: _secret, ...unsigned } = ZVkEnvelopeSchema.parse(message);
    expect(read(message)).toEqual({ kind: 'queued', event: unsigned });
    const tap = messageEvent(523456789, { a: 's:open', l: 'ru' });
    expect(read(tap)).toEqual({ kind: 'queued', event: { ...tap, secret: undefined } });
  });

  it('reads a ref or a tapped message id of the wrong kind as absent, and still queues the message or tap', () => {
    const message = { peer_id: 523456789, from_id: 523456789, text: 'привет' };
    expect(read(signed('message_new', { message: { ...message, ref: 42 } }))).toEqual({
      kind: 'queued',
      event: { ...signed('message_new', { message }), secret: undefined },
    });
    const tap = { user_id: 523456789, peer_id: 523456789, event_id: 'tap1', payload: { a: 's:open' } };
    expect(read(signed('message_event', { ...tap, conversation_message_id: 'seventy' }))).toEqual({
      kind: 'queued',
      event: { ...signed('message_event', tap), secret: undefined },
    });
  });

  it('drops a handled type with a malformed object', () => {
    const malformed = [
      signed('message_new'),
      signed('message_new', {}),
      signed('message_new', { message: 'nonsense' }),
      signed('message_new', { message: { peer_id: '523456789', from_id: 523456789, text: 'привет' } }),
      signed('message_new', { message: { peer_id: 523456789, from_id: 523456789, text: 'x'.repeat(10_001) } }),
      signed('message_event', { user_id: 523456789, event_id: 'tap1', payload: { a: 's:open' } }),
      signed('message_event', { user_id: 523456789, peer_id: 523456789, event_id: '', payload: { a: 's:open' } }),
      signed('message_allow', { user_id: -5 }),
      signed('message_deny', {}),
    ];
    for (const event of malformed) expect([event.type, read(event)]).toEqual([event.type, { kind: 'malformed' }]);
  });

  it('ignores the types the bot does not handle, whatever their object', () => {
    for (const event of [
      signed('wall_post_new', { id: 1 }),
      signed('group_join', { user_id: 523456789 }),
      signed('toString'),
      signed('confirmation'),
    ]) {
      expect(read(event)).toEqual({ kind: 'ignored' });
    }
  });
});
