import type { AccessReader } from '../core/access';
import { createLinkService, type LinkService } from '../core/linking';
import { createChatLogRef, type TChatLogRef } from '../core/logging';
import type { TConfig } from '../infra/config';
import { loadLinkCodePepper } from '../infra/link-code-pepper';
import type { Logger } from '../infra/logger';
import { createPepperCheck, type PepperCheck, pepperMismatchText } from '../infra/pepper-fingerprint';
import { refuseLinkingOnPepperMismatch } from '../infra/pepper-linking-guard';
import type { Stores } from '../prisma/stores';

/**
 * The link-code pepper and the one linking service every channel shares; read only once a channel
 * asks (the CLI opens runtimes too). The chats' log references are keyed from the pepper, so they
 * match across restarts and processes and mean nothing without it.
 */
export type TChannelLinking = () => {
  pepper: Uint8Array;
  check: PepperCheck;
  linking: LinkService;
  chatLogRef: TChatLogRef;
};

export function channelLinking(config: TConfig, stores: Stores, access: AccessReader, logger: Logger): TChannelLinking {
  let made: ReturnType<TChannelLinking> | undefined;
  return () => {
    if (!made) {
      const pepper = loadLinkCodePepper(config, logger);
      const check = loggingPepperMismatch(createPepperCheck(stores.deploymentFacts, pepper), logger);
      const linking = refuseLinkingOnPepperMismatch(
        createLinkService({ store: stores.linking, access, pepper }),
        check,
      );
      made = { pepper, check, linking, chatLogRef: createChatLogRef(pepper) };
    }
    return made;
  };
}

/** One error line per process for a pepper the database does not know, at start or whenever it began. */
function loggingPepperMismatch(check: PepperCheck, logger: Logger): PepperCheck {
  let told = false;
  return {
    ...check,
    async verify() {
      const verdict = await check.verify();
      if (!verdict.ok && !told) {
        told = true;
        logger.error(
          { fingerprint: verdict.fingerprint, recorded: verdict.recorded },
          `linking refused: ${pepperMismatchText(verdict)}`,
        );
      }
      return verdict;
    },
  };
}
