import { z } from 'zod/mini';
import { intent, type IntentSpec } from '../messaging/intent';
import { SettingChange, type SettingsView } from './schema';

/** Admin settings (options page). Managed-policy values are returned as such and cannot be changed. */
export const settingsIntents = {
  readSettings: intent<SettingsView>()({ input: z.undefined(), from: ['extension-page'] }),
  changeSetting: intent<SettingsView>()({ input: SettingChange, from: ['extension-page'], admin: true }),
} as const satisfies Record<string, IntentSpec>;

type SettingsIntents = typeof settingsIntents;
declare module '../messaging/protocol' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface IntentRegistry extends SettingsIntents {}
}
