import { DIRECT_ATS_PROVIDERS } from '../db/providers';
import type { HttpHooks } from './http';
import type { AtsPort } from './types';

/**
 * A direct ATS connector: an ATS the team connects with the credential its own admin screen gives (no Kombo contract).
 * Each vendor declares itself here once — what the connect form asks, where its API answers, how fast it may be
 * called, and how to build its port — in `lib/connectors/<vendor>/index.ts`; every feature reads this declaration
 * instead of naming the vendor.
 */

/** Their ids are stored with each connection: the list lives with the stored vocabulary. */
export { DIRECT_ATS_PROVIDERS };
export type DirectAtsProvider = (typeof DIRECT_ATS_PROVIDERS)[number];

/** One input of the connect form, labelled as the vendor's admin screen labels it. */
export interface DirectAtsField {
  /**
   * Where the value goes: `secret` is encrypted at rest and never shown again (API key, access token, client secret);
   * `accountId` is stored in the clear and shown in the card's details (Greenhouse client id, Workable subdomain,
   * Recruitee company id).
   */
  key: 'secret' | 'accountId';
  /** The vendor's own label, e.g. "Client secret", "API key", "Access token", "Subdomain", "Company ID". */
  label: string;
  /** Where the admin finds it, in one sentence (shown under the field). */
  hint: string;
  /** A value the vendor would never issue, in plain words; undefined when it looks right. */
  check?(value: string): string | undefined;
}

/** A region or environment the vendor offers (Teamtailor: EU or North America). */
export interface DirectAtsEnvironment {
  value: string;
  label: string;
}

/** What a direct connector needs to make a request. The secret lives only in service-worker memory while in use. */
export interface DirectAtsCredentials {
  secret: string;
  accountId?: string;
  /** Resolved by `baseUrl()` at connect time and stored with the connection. */
  baseUrl: string;
}

/** How the outbox paces this vendor's sends (see lib/outbox/pacing.ts): its documented limits, never guessed ones. */
export interface DirectAtsPace {
  /** At most this many requests of `methods` (default: POST only; list GET too where reads count) within any `windowMs`. */
  perWindow?: number;
  windowMs?: number;
  methods?: readonly string[];
  /** At most this many operations sending at once. */
  maxInFlight: number;
}

/**
 * What the connect form, the manifest and the pacing need to know of a direct ATS (lib/connectors/<vendor>/card.ts):
 * light, so extension pages can show it without loading the connector.
 */
export interface DirectAtsCard {
  provider: DirectAtsProvider;
  /** The ATS as people name it: "Greenhouse". */
  name: string;
  /** The site adapters' `komboTool` of this ATS's web app: its pages are the connected ATS when this is connected. */
  tool: string;
  /** The connect form's choices; the first is the default. Vendors without regions have one ("Production"). */
  environments: readonly DirectAtsEnvironment[];
  /** The connect form's inputs, in order (always exactly one `secret`). */
  fields: readonly DirectAtsField[];
  /** The API's base URL for an environment and the account fields (Workable: the subdomain's own host). */
  baseUrl(environment: string, accountId: string | undefined): string;
  /** Match patterns of every host the connector calls (token endpoints included): declared in the manifest. */
  apiHosts: readonly string[];
  /**
   * Whether the API takes the PDF profile as a file (default true). False where the vendor takes a CV only by URL
   * (Teamtailor): the Sync dialog says so and offers the PDF for download instead. Must match the port's `acceptsFiles`.
   */
  acceptsFiles?: boolean;
  /** One sentence for the ATS card: what to create in the vendor's admin screen, with which permissions. */
  hint: string;
  pace: DirectAtsPace;
}

/** The card and the connector behind it (lib/connectors/<vendor>/index.ts): the service worker's side. */
export interface DirectAts extends DirectAtsCard {
  create(credentials: DirectAtsCredentials, hooks?: HttpHooks): AtsPort;
}
