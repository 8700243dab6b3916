import { z } from 'zod/mini';
import zodEn from 'zod/v4/locales/en.js';

/**
 * zod's own messages (a rule with no message of ours, e.g. "Invalid input: expected object, received undefined") in
 * English, as classic `zod` gave them by default: zod/mini installs no locale and says only "Invalid input"
 * (https://zod.dev/packages/mini; node_modules/zod/v4/classic/schemas.js `_ensureDefaultLocale`). Called by each
 * extension page and script that parses with zod; the service worker's messaging server sets its own, in the UI's
 * language (lib/messaging/server.ts).
 */
export function zodMessagesInEnglish(): void {
  if (!z.config().localeError) z.config(zodEn());
}
