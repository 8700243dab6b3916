import type { EntityTable } from 'dexie';
import { z } from 'zod/mini';
import { db } from '../db';
import { DIRECT_ATS_PROVIDERS, FACTORIAL_ENVIRONMENTS, KOMBO_ENVIRONMENTS } from '../db/providers';

/**
 * The `connections` table's rows, owned here: what a stored connection says. Another room reads them through this
 * room's functions (`readConnection`, `readAtsConnection`); wire schemas may reuse these, never the reverse.
 */

/** Two connection slots: the HRIS (Factorial HR) and the one system-of-record ATS. */
export const ConnectionSlot = z.enum(['hr', 'ats']);
export type ConnectionSlot = z.infer<typeof ConnectionSlot>;

export const Provider = z.enum(['factorial-hr', 'factorial-ats', 'kombo', ...DIRECT_ATS_PROVIDERS]);
export type Provider = z.infer<typeof Provider>;

/** A direct ATS's regions are its own (lib/connectors/<vendor>/index.ts), checked when it is connected. */
export const Environment = z.union([z.enum(FACTORIAL_ENVIRONMENTS), z.enum(KOMBO_ENVIRONMENTS), z.string().check(z.regex(/^[a-z0-9-]{1,32}$/))]);
export type Environment = z.infer<typeof Environment>;

export const ConnectionRecord = z.object({
  slot: ConnectionSlot,
  provider: Provider,
  environment: Environment,
  baseUrl: z.string(),
  integrationId: z.optional(z.string()),
  /** A direct ATS's account, as its connect form asked for it (Greenhouse client ID, Workable subdomain, Recruitee company ID). */
  accountId: z.optional(z.string()),
  /** Last four characters of the key, for the masked display. Never the key itself. */
  keyHint: z.string(),
  /** Id of the encrypted key in the `secrets` table. */
  secretId: z.string(),
  connectedAt: z.string(),
  lastCheckAt: z.string(),
  lastCheckOk: z.boolean(),
  lastCheckMessage: z.optional(z.string()),
  accountLabel: z.optional(z.string()),
  /** Factorial: the company id the key belongs to (from the key check). */
  companyId: z.optional(z.string()),
  /** Set up by a team setup file or the organisation's policy rather than typed in here. */
  origin: z.optional(z.enum(['file', 'policy'])),
  /** The ATS (as site adapters name it): Kombo's from the X-Integration-Id prefix; a direct connector's own; `factorial`. */
  tool: z.optional(z.string()),
});
export type ConnectionRecord = z.infer<typeof ConnectionRecord>;

declare module '../db/tables' {
  interface Tables {
    connections: EntityTable<ConnectionRecord, 'slot'>;
  }
}

// Reads for the other rooms: they ask here rather than reaching into the table (writes stay with this room's service).

/** The stored connection in this slot; undefined when the slot is not connected. */
export const readConnection = (slot: ConnectionSlot): Promise<ConnectionRecord | undefined> => db().connections.get(slot);

/** The connected ATS (the system of record), if there is one. */
export const readAtsConnection = (): Promise<ConnectionRecord | undefined> => readConnection('ats');

/** Every stored connection. */
export const readConnections = (): Promise<ConnectionRecord[]> => db().connections.toArray();
