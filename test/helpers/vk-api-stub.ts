import nock from 'nock';

// nock standing in for the VK API (https://api.vk.test/method/...): every call is recorded with
// its form parameters and answered as VK would; `answer` may return an error body for a call.

export const VK_API_ORIGIN = 'https://api.vk.test';
export const VK_API_BASE = `${VK_API_ORIGIN}/method`;

export interface TVkCall {
  method: string;
  params: Record<string, string>;
  /** VK answered with an error. */
  failed?: boolean;
}

export interface TVkApiStub {
  calls: TVkCall[];
  /** messages.send calls, in order. */
  sent(): TVkCall[];
  /** Texts of the accepted messages (a repeated random_id is dropped, as VK does). */
  delivered(): string[];
  stop(): void;
}

/**
 * For nock scopes that answer vk-io: it asks for keep-alive connections, and nock (14) sends no
 * Content-Length for a computed reply, so the client would wait for the end of an answer forever.
 */
export const CONTENT_LENGTH = {
  'Content-Length': (_req: unknown, _res: unknown, body: unknown) =>
    String(Buffer.byteLength(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body))),
};

const DEFAULTS: Record<string, (call: TVkCall, n: number) => unknown> = {
  'messages.send': (_c, n) => ({ response: 1000 + n }),
  'messages.sendMessageEventAnswer': () => ({ response: 1 }),
  'docs.getMessagesUploadServer': () => ({ response: { upload_url: `${VK_API_ORIGIN}/upload/doc` } }),
  'docs.save': () => ({
    response: {
      type: 'doc',
      doc: {
        id: 5501,
        owner_id: 123456789,
        title: 'dnevnik-export.json',
        size: 100,
        ext: 'json',
        url: `${VK_API_ORIGIN}/doc`,
        date: 1764921600,
        type: 1,
      },
    },
  }),
  'photos.getMessagesUploadServer': () => ({
    response: { upload_url: `${VK_API_ORIGIN}/upload/photo`, album_id: -64, group_id: 1 },
  }),
  'photos.saveMessagesPhoto': () => ({
    response: [{ id: 7701, owner_id: -1, album_id: -64, date: 1764921600, sizes: [] }],
  }),
};

export function startVkApiStub(options: { answer?: (call: TVkCall, n: number) => unknown } = {}): TVkApiStub {
  const calls: TVkCall[] = [];
  nock(VK_API_ORIGIN)
    .defaultReplyHeaders(CONTENT_LENGTH)
    .persist()
    .post(/^\/method\/[\w.]+$/)
    // nock 14 gives a reply function the path (with any query) and the body (a form: a string).
    .reply((uri, body) => {
      const call: TVkCall = {
        method: new URL(uri, VK_API_ORIGIN).pathname.replace('/method/', ''),
        params: Object.fromEntries(new URLSearchParams(body as string)),
      };
      calls.push(call);
      const n = calls.length;
      const custom = options.answer?.(call, n);
      if (custom !== undefined) {
        call.failed = Boolean((custom as { error?: unknown }).error);
        return [200, custom];
      }
      const fallback = DEFAULTS[call.method];
      return [200, fallback ? fallback(call, n) : { response: 1 }];
    })
    .post('/upload/doc')
    .reply(200, { file: 'uploaded-file-token' })
    .post('/upload/photo')
    .reply(200, { server: 1, photo: '[{"photo":"uploaded-photo-token"}]', hash: 'photo-hash' });
  const sent = () => calls.filter((c) => c.method === 'messages.send');
  return {
    calls,
    sent,
    delivered() {
      const seen = new Set<string>();
      const out: string[] = [];
      for (const c of sent()) {
        if (c.failed) continue;
        const key = `${c.params.peer_id}:${c.params.random_id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(c.params.message);
      }
      return out;
    },
    stop: () => nock.cleanAll(),
  };
}
