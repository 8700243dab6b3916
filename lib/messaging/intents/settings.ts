import { z } from 'zod';
import { SettingChange, type SettingsView } from '../../settings/schema';
import type { Result } from '../result';

/** Admin settings (options page). Managed-policy values are returned as such and cannot be changed. */
export const settingsIntents = {
  readSettings: { input: z.undefined(), from: ['extension-page'] },
  changeSetting: { input: SettingChange, from: ['extension-page'], admin: true },
} as const;

export interface SettingsProtocol {
  readSettings(): Result<SettingsView>;
  changeSetting(change: SettingChange): Result<SettingsView>;
}
