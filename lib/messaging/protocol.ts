import type { z } from 'zod';
import { adminIntents, type AdminProtocol } from './intents/admin';
import { connectionIntents, type ConnectionProtocol } from './intents/connections';
import { exportIntents, type ExportProtocol } from './intents/export';
import { jobIntents, type JobProtocol } from './intents/jobs';
import { hiredListIntents, type HiredListProtocol } from './intents/hires';
import { recipeIntents, type RecipeProtocol } from './intents/recipes';
import { settingsIntents, type SettingsProtocol } from './intents/settings';
import { sourcingIntents, type SourcingProtocol } from './intents/sourcing';
import { teamIntents, type TeamProtocol } from './intents/teams';

/**
 * The one message protocol between extension contexts. Pages and content scripts ask for *intents*
 * ("connect Factorial HR with this key", "export candidate X"); only the service worker talks to APIs and the
 * key vault. Each domain declares its intents in `intents/<domain>.ts` (payload schema + who may send it);
 * every payload is parsed with its schema on arrival.
 */

export type SenderKind = 'extension-page' | 'content-script';
export interface IntentSpec {
  input: z.ZodType;
  from: readonly SenderKind[];
  /** Needs the admin passphrase when one is set (connecting, removing, changing sync rules). */
  admin?: true;
}

export const Intents = {
  ...connectionIntents,
  ...jobIntents,
  ...exportIntents,
  ...settingsIntents,
  ...hiredListIntents,
  ...sourcingIntents,
  ...adminIntents,
  ...teamIntents,
  ...recipeIntents,
} as const satisfies Record<string, IntentSpec>;

export type ProtocolMap = ConnectionProtocol & JobProtocol & ExportProtocol & SettingsProtocol & HiredListProtocol & SourcingProtocol & AdminProtocol & TeamProtocol & RecipeProtocol;

export type IntentName = keyof typeof Intents & keyof ProtocolMap;
