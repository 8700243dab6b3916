import type { HandlersFor } from '../messaging/server';
import type { connectionIntents, ConnectionView } from './intents';
import { checkConnection, connect, listConnections, removeConnection } from './service';

/**
 * The integration cards' intents. Features above this one add their rules through the two hooks below (teams: the
 * list waits for a policy run under way; jobs: a newly connected ATS gets its jobs at once), so connections names
 * neither.
 */

const beforeListing: (() => Promise<unknown>)[] = [];
const afterConnected: ((view: ConnectionView) => void)[] = [];

/** What must be settled before the cards are listed (a deployed connection still being verified). */
export function waitBeforeListingConnections(wait: () => Promise<unknown>): void {
  beforeListing.push(wait);
}

/** Told about every connection made on the options page (it has been verified and stored). */
export function onConnected(listener: (view: ConnectionView) => void): void {
  afterConnected.push(listener);
}

export const connectionHandlers: HandlersFor<typeof connectionIntents> = {
  listConnections: async () => {
    for (const wait of beforeListing) await wait();
    return listConnections();
  },
  connect: async (input) => {
    const view = await connect(input);
    for (const listener of afterConnected) listener(view);
    return view;
  },
  checkConnection: async (slot) => checkConnection(slot),
  removeConnection: async (slot) => (await removeConnection(slot), null),
};
