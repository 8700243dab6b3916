import { z } from 'zod';
import type { LocalDataCounts } from '../../retention';
import type { SecurityStatus } from '../../security';
import type { Result } from '../result';

/** The options page's Security and Data regions. `admin: true` intents need the passphrase when one is set. */
export const PassphraseInput = z.string().max(1000);

export const adminIntents = {
  securityStatus: { input: z.undefined(), from: ['extension-page'] },
  setPassphrase: { input: PassphraseInput, from: ['extension-page'], admin: true },
  removePassphrase: { input: z.undefined(), from: ['extension-page'], admin: true },
  unlockAdmin: { input: PassphraseInput, from: ['extension-page'] },
  lockAdmin: { input: z.undefined(), from: ['extension-page'] },
  localDataCounts: { input: z.undefined(), from: ['extension-page'] },
  deleteLocalData: { input: z.undefined(), from: ['extension-page'], admin: true },
} as const;

export interface AdminProtocol {
  securityStatus(): Result<SecurityStatus>;
  setPassphrase(passphrase: string): Result<SecurityStatus>;
  removePassphrase(): Result<SecurityStatus>;
  unlockAdmin(passphrase: string): Result<SecurityStatus>;
  lockAdmin(): Result<SecurityStatus>;
  localDataCounts(): Result<LocalDataCounts>;
  deleteLocalData(): Result<LocalDataCounts>;
}
