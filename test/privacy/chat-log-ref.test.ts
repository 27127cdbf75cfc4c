import { randomBytes } from 'node:crypto';
import { createChatLogRef } from '../../core/logging';

// A chat's log reference: stable under one deployment secret, different under another, and
// nothing in it from the id.

describe('chatRef: a keyed hash of the chat', () => {
  const secret = randomBytes(32);
  const telegram = { channel: 'telegram', externalId: '7340512897' };

  it('is the same for a chat under one secret (across restarts), 12 hex digits', () => {
    const ref = createChatLogRef(secret)(telegram);
    expect(ref).toMatch(/^[0-9a-f]{12}$/);
    expect(createChatLogRef(Buffer.from(secret))(telegram)).toBe(ref);
    expect(ref).not.toContain(telegram.externalId.slice(0, 6));
  });

  it('differs between chats, channels and deployments', () => {
    const ref = createChatLogRef(secret);
    expect(ref({ channel: 'telegram', externalId: '7340512898' })).not.toBe(ref(telegram));
    expect(ref({ channel: 'vk', externalId: telegram.externalId })).not.toBe(ref(telegram));
    expect(createChatLogRef(randomBytes(32))(telegram)).not.toBe(ref(telegram));
  });

  it('without a secret, a key of its own: refs match only within the process', () => {
    const first = createChatLogRef();
    expect(first(telegram)).toBe(first(telegram));
    expect(createChatLogRef()(telegram)).not.toBe(first(telegram));
  });
});
