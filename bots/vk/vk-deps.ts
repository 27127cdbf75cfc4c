import type { ChatBotDeps } from '../../core/conversation';

export interface VkBotDeps extends ChatBotDeps {
  /** The community's token (VK_GROUP_TOKEN). */
  token: string;
  groupId: number;
  /** VK_API_BASE_URL: VK's API host or a test double; every call goes there. */
  apiBaseUrl: string;
  /** Pause before the n-th retry of a send VK refused with 6 or 9 (tests shorten it). */
  retryDelayMs?: (attempt: number) => number;
  /** Requests per second for the token within this process: VK allows a community token about 20. */
  apiLimit?: number;
  /** Waits for the community's share of VK's request rate, shared with the alert workers (core/alerts request-pacer.ts). */
  pace?: () => Promise<void>;
}
