import { z } from 'zod';
import { intent, type IntentSpec } from '../intent';
import { SettingChange, type SettingsView } from '../../settings/schema';

/** Admin settings (options page). Managed-policy values are returned as such and cannot be changed. */
export const settingsIntents = {
  readSettings: intent<SettingsView>()({ input: z.undefined(), from: ['extension-page'] }),
  changeSetting: intent<SettingsView>()({ input: SettingChange, from: ['extension-page'], admin: true }),
} as const satisfies Record<string, IntentSpec>;
