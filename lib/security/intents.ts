import { z } from 'zod/mini';
import { intent, type IntentSpec } from '../messaging/intent';
import type { LocalDataCounts } from '../retention';
import type { SecurityStatus } from '.';

/** The options page's Security and Data regions. `admin: true` intents need the passphrase when one is set. */
export const PassphraseInput = z.string().check(z.maxLength(1000));
/** The shortest admin or team-file passphrase accepted (the forms say so before the worker refuses one). */
export const MIN_PASSPHRASE_LENGTH = 10;

export const adminIntents = {
  securityStatus: intent<SecurityStatus>()({ input: z.undefined(), from: ['extension-page'] }),
  setPassphrase: intent<SecurityStatus>()({ input: PassphraseInput, from: ['extension-page'], admin: true }),
  removePassphrase: intent<SecurityStatus>()({ input: z.undefined(), from: ['extension-page'], admin: true }),
  unlockAdmin: intent<SecurityStatus>()({ input: PassphraseInput, from: ['extension-page'] }),
  lockAdmin: intent<SecurityStatus>()({ input: z.undefined(), from: ['extension-page'] }),
  localDataCounts: intent<LocalDataCounts>()({ input: z.undefined(), from: ['extension-page'] }),
  deleteLocalData: intent<LocalDataCounts>()({ input: z.undefined(), from: ['extension-page'], admin: true }),
} as const satisfies Record<string, IntentSpec>;

type AdminIntents = typeof adminIntents;
declare module '../messaging/protocol' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface IntentRegistry extends AdminIntents {}
}
