import { decideBatch } from './decide-batch';
import type { ReminderStore, TDispatchResult, TScanResult } from './reminder-ports';

// One run of the reminder job: scan the lessons that became due, then send what may go out.
// Messages are written as alert deliveries in the same transaction that marks the reminders
// sent, then handed to the alerts' delivery queue; if that hand-over is lost (a crash), the
// alerts worker's sweep finds the queued message, so a reminder is neither lost nor doubled.

export interface ReminderRunner {
  run(): Promise<{ scan: TScanResult | null; dispatch: TDispatchResult }>;
}

export function createReminderRunner(deps: {
  store: ReminderStore;
  deliver: (messageIds: string[]) => Promise<void>;
  clock?: () => Date;
}): ReminderRunner {
  const clock = deps.clock ?? (() => new Date());
  return {
    async run() {
      const scan = await deps.store.scan(clock());
      const now = clock();
      const dispatch = await deps.store.dispatch(now, (batch) => decideBatch(batch, now));
      if (dispatch.messageIds.length > 0) await deps.deliver(dispatch.messageIds);
      return { scan, dispatch };
    },
  };
}
