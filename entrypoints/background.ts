import { checkConnection, connect, listConnections, removeConnection } from '@/lib/connections';
import { ok } from '@/lib/messaging';
import { serveIntent, type SenderPolicy } from '@/lib/messaging/server';

// Listeners are registered synchronously at the top of the worker so a message that wakes it is not missed.
export default defineBackground(() => {
  const policy = (): SenderPolicy => ({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    // Content scripts gain intents with the site adapters; until then no page may ask for anything.
    isAllowedPage: () => false,
  });

  serveIntent('listConnections', policy, async () => ok(await listConnections()));
  serveIntent('connect', policy, (input) => connect(input));
  serveIntent('checkConnection', policy, (slot) => checkConnection(slot));
  serveIntent('removeConnection', policy, (slot) => removeConnection(slot));
});
