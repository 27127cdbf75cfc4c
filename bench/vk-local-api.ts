import type { API } from 'vk-io';

// The VK API answered in-process: every call the bot makes through vk-io is recorded and answered
// here as VK would, before vk-io's request queue. That queue paces a token to 20 requests a
// second (one per 50 ms), which would be measured instead of the bot.

export interface TVkLocalCall {
  method: string;
  params: Record<string, unknown>;
}

interface TQueuedRequest {
  method: string;
  params: Record<string, unknown>;
  resolve(value: unknown): void;
  promise: Promise<unknown>;
}

export function answerVkLocally(api: API): TVkLocalCall[] {
  const calls: TVkLocalCall[] = [];
  let messageId = 1000;
  // vk-io's method proxies all go through callWithRequest; an own property takes the prototype's place.
  Object.assign(api, {
    callWithRequest(request: TQueuedRequest) {
      calls.push({ method: request.method, params: request.params });
      request.resolve(request.method === 'messages.send' ? ++messageId : 1);
      return request.promise;
    },
  });
  return calls;
}
