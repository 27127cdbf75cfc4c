// The row bookkeeping the batch planners share (plan-batch.ts, plan-terms.ts): one final row per
// id, in the order the batch first touched it.

/** Later events for the same id win; the map keeps the first position so writes stay in order. */
export function lastWins<T>(rows: Map<string, T>, id: string, row: T) {
  rows.delete(id);
  rows.set(id, row);
}

/**
 * Rows a batch may upsert and delete (lessons, homework, periods). Each id's state (stored, then
 * as the batch leaves it) is what a change is judged against. What is written: the full row of an
 * id the batch upserts (flagged deleted when a deletion follows), or the id alone when a deletion
 * meets only a stored row.
 */
export function deletableRows<TData, TState extends { deleted: boolean }>(stored: ReadonlyMap<string, TState>) {
  const state = new Map(stored);
  const rows = new Map<string, TData & { deleted: boolean }>();
  const deletedIds = new Map<string, true>();
  return {
    rows,
    deletedIds,
    before: (id: string) => state.get(id),
    upsert(id: string, data: TData, after: TState) {
      state.set(id, after);
      deletedIds.delete(id);
      lastWins(rows, id, { ...data, deleted: false });
    },
    delete(id: string) {
      const before = state.get(id);
      if (before) state.set(id, { ...before, deleted: true });
      const pending = rows.get(id);
      if (pending) lastWins(rows, id, { ...pending, deleted: true });
      else lastWins(deletedIds, id, true);
    },
  };
}
