import type { HandlersFor } from '../messaging/server';
import type { settingsIntents } from './intents';
import { readSettings, writeSetting } from '.';
import { reloadDisabledAdapters } from './disabled-adapters';

/** Settings (options page). */
export const settingsHandlers: HandlersFor<typeof settingsIntents> = {
  readSettings: async () => readSettings(),
  changeSetting: async ({ name, value }) => {
    const view = await writeSetting(name, value);
    if (name === 'disabledAdapters') await reloadDisabledAdapters();
    return view;
  },
};
