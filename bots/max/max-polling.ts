import type { Api } from '@maxhub/max-bot-api';
import type { TConversationLogger } from '../../core/conversation';
import { MAX_UPDATE_TYPES, readMaxUpdate, type TMaxUpdate, ZMaxEnvelopeSchema } from './max-update';

// Long polling (GET /updates with a marker), for development without a public address: MAX says
// polling is for development, so the server says so once at start. Each update goes to the same
// inbox the webhook route fills, claimed there by what identifies it.

const POLL_TIMEOUT_S = 30;
const PAUSE_AFTER_ERROR_MS = 3_000;

export interface MaxPolling {
  stop(): Promise<void>;
}

export function startMaxPolling(
  api: Api,
  intake: (id: string, update: TMaxUpdate) => Promise<void>,
  log: TConversationLogger,
): MaxPolling {
  let running = true;
  let marker: number | undefined;
  const aborter = new AbortController();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      aborter.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });

  const loop = (async () => {
    while (running) {
      try {
        const page = await api.raw.subscriptions.getUpdates({
          types: MAX_UPDATE_TYPES.join(','),
          timeout: POLL_TIMEOUT_S,
          ...(marker !== undefined ? { marker } : {}),
          signal: aborter.signal,
        });
        for (const raw of page.updates) {
          const envelope = ZMaxEnvelopeSchema.safeParse(raw);
          if (!envelope.success) continue;
          const intakeOf = readMaxUpdate(envelope.data);
          if (intakeOf.kind === 'malformed')
            log.warn({ type: envelope.data.update_type }, 'max update malformed, skipped');
          if (intakeOf.kind === 'queued') await intake(intakeOf.id, intakeOf.update);
        }
        // The marker moves on only once the page is in the inbox: a crash before that polls it again.
        if (page.marker !== null && page.marker !== undefined) marker = page.marker;
      } catch (err) {
        if (!running) break;
        log.warn({ err: err instanceof Error ? err.message : String(err) }, 'max polling failed, retrying');
        await sleep(PAUSE_AFTER_ERROR_MS);
      }
    }
  })();

  return {
    async stop() {
      running = false;
      aborter.abort();
      // The poll in flight is aborted; an update being put into the inbox is finished first.
      await loop;
    },
  };
}
