import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

// No logger: payloads can carry an API key on its way to the vault, and must never reach a console line.
export const messenger = defineExtensionMessaging<ProtocolMap>({ logger: undefined });

/** Ask the service worker for an intent. */
export const sendIntent = messenger.sendMessage;
