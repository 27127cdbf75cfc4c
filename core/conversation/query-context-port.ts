import type { TChatRef } from '../linking';
import type { TQueryContext } from '../nlu';

/** A chat's last diary question, with when it was asked; /forget deletes it with the chat's session. */
export interface TStoredQueryContext {
  context: TQueryContext;
  at: Date;
}

/** Where a chat remembers its last question for follow-ups ("а по физике?"): beside its other session state. */
export interface QueryContextStore {
  read(chat: TChatRef): Promise<TStoredQueryContext | null>;
  write(chat: TChatRef, context: TQueryContext, at: Date): Promise<void>;
}
