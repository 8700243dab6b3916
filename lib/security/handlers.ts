import type { HandlersFor } from '../messaging/server';
import { countLocalData, deleteLocalData } from '../retention';
import type { adminIntents } from './intents';
import { lock, removePassphrase, securityStatus, setPassphrase, unlock } from './passphrase';

/** Security and Data (options page). */
export const adminHandlers: HandlersFor<typeof adminIntents> = {
  securityStatus: async () => securityStatus(),
  setPassphrase: async (passphrase) => setPassphrase(passphrase),
  removePassphrase: async () => removePassphrase(),
  unlockAdmin: async (passphrase) => unlock(passphrase),
  lockAdmin: async () => lock(),
  localDataCounts: async () => countLocalData(),
  deleteLocalData: async () => deleteLocalData(),
};
