import { LINKING_TEXTS } from '../linking';
import type { ConversationDeps, TOutcome, TTurn } from './conversation-types';
import { botTexts, plain, say } from './replies';

// A person's own data: handed over as a file, or deleted at once with the consent withdrawn.

export type PrivacyFlow = ReturnType<typeof createPrivacyFlow>;

export function createPrivacyFlow(deps: Pick<ConversationDeps, 'linking'>) {
  /** /forget and "забудь меня": consent withdrawn and the person's data deleted at once. */
  async function forget(turn: TTurn): Promise<TOutcome> {
    const personId = await turn.personId();
    const result = await deps.linking.forget(turn.chat);
    // The person id is gone from the database now; the log keeps only that a deletion happened.
    turn.log.info(
      { forgotten: result.forgotten, kinds: result.forgotten ? result.kinds : undefined, hadPerson: personId !== null },
      'forget requested',
    );
    const texts = LINKING_TEXTS[turn.lang];
    return say(plain(result.forgotten ? texts.forgotten : texts.nothingToForget));
  }

  async function exportData(turn: TTurn): Promise<TOutcome> {
    const personId = await turn.personId();
    const data = personId ? await deps.linking.exportData(personId) : null;
    if (!data) return say(plain(botTexts(turn).privacy.nothingToExport));
    return say(
      plain(botTexts(turn).privacy.exportCaption, {
        file: { name: 'dnevnik-export.json', content: JSON.stringify(data, null, 2) },
      }),
    );
  }

  return { forget, exportData };
}
