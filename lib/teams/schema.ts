import { z } from 'zod/mini';
import { Environment, Provider } from '../connections/records';
import { SiteRecipe } from '../recipes/schema';
import { ManagedSyncRules, SettingsSchema } from '../settings/schema';

/**
 * The team setup file an admin exports and recruiters import. JSON, versioned: a reader refuses a file from a
 * newer format rather than guessing. Keys are present only encrypted to the admin's passphrase (crypto.ts).
 */

export const SETUP_FORMAT = 'hirebridge-team-setup';
/**
 * 2: site recipes ("Teach this page") added. 3: recipes of recipe format 2 (query patterns, shadow-root selectors, a
 * panel); a file is written as version 3 only when it carries one, so version 2 readers keep reading the others.
 * Version 1 and 2 files are still read.
 */
export const SETUP_VERSION = 3;

const Sealed = z.strictObject({
  salt: z.string().check(z.minLength(1), z.maxLength(64)),
  iv: z.string().check(z.minLength(1), z.maxLength(64)),
  ciphertext: z.string().check(z.minLength(1), z.maxLength(4096)),
  iterations: z.number().check(z.int(), z.gte(100_000), z.lte(10_000_000)),
});

export const SetupConnection = z.strictObject({
  provider: Provider,
  environment: Environment,
  /** Only for the Custom environment (a proxy or the sandbox). */
  baseUrl: z.optional(z.string().check(z.maxLength(2048))),
  integrationId: z.optional(z.string().check(z.maxLength(256))),
  /** A direct ATS's account field (Greenhouse client ID, Workable subdomain, Recruitee company ID). */
  accountId: z.optional(z.string().check(z.maxLength(512))),
  /** Absent: the file was exported without keys. */
  key: z.optional(Sealed),
});
export type SetupConnection = z.infer<typeof SetupConnection>;

/** Who the setup is for: a file for one company is refused by a browser connected to another. */
export const SetupCompany = z.strictObject({
  name: z.optional(z.string().check(z.maxLength(200))),
  factorialCompanyId: z.optional(z.string().check(z.maxLength(64))),
  komboIntegrationId: z.optional(z.string().check(z.maxLength(256))),
});

/** First look at a file: enough to tell "not ours" and "from a newer version" apart from "damaged". */
export const SetupEnvelope = z.looseObject({ format: z.literal(SETUP_FORMAT), version: z.number().check(z.int(), z.gte(1)) });

export const TeamSetupFile = z.strictObject({
  format: z.literal(SETUP_FORMAT),
  version: z.union([z.literal(1), z.literal(2), z.literal(SETUP_VERSION)]),
  createdAt: z.iso.datetime({ offset: true }),
  company: SetupCompany,
  connections: z.array(SetupConnection).check(z.maxLength(2)),
  /** Active jobs by the ATS's own job id. */
  activeJobs: z.optional(z.strictObject({ provider: Provider, ids: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(5000)) })),
  settings: z.strictObject(z.partial(SettingsSchema).shape),
  syncRules: z.strictObject(z.partial(ManagedSyncRules).shape),
  /** The admin's site recipes (version 2; version 3 when one needs recipe format 2). */
  siteRecipes: z.optional(z.array(SiteRecipe).check(z.maxLength(200))),
});
export type TeamSetupFile = z.infer<typeof TeamSetupFile>;

const Slot = z.enum(['hr', 'ats']);

/** What this browser remembers about the setup it follows. */
export const TeamSetupStatus = z.object({
  /** admin: set up by hand here; recruiter: set up from a team file (or the organisation's policy). */
  role: z.enum(['admin', 'recruiter']),
  by: z.optional(z.enum(['file', 'policy'])),
  companyName: z.optional(z.string()),
  /** The file's own date. */
  createdAt: z.optional(z.string()),
  importedAt: z.optional(z.string()),
  /** Connections the file named without a key: this browser connects them itself. */
  keysToConnect: z.optional(z.array(Slot)),
  /** Why parts of the organisation's policy were ignored. */
  policyNotes: z.optional(z.array(z.string())),
  /** Connections the policy deploys: their cards are the organisation's (no key form). */
  policySlots: z.optional(z.array(Slot)),
  /** A recruiter's browser: why its admin actions are disabled (shown from the first render, beside them). */
  adminReason: z.optional(z.string()),
});
export type TeamSetupStatus = z.infer<typeof TeamSetupStatus>;

/** The file's active jobs as kept after an import, so a later pull that brings one of them still activates it. */
export const FileActiveJobs = TeamSetupFile.shape.activeJobs.def.innerType;

/** The policy's active jobs: ids, or every open job in some countries. */
export const PolicyJobs = z.object({ ids: z.optional(z.array(z.string())), countries: z.optional(z.array(z.string())) });
export type PolicyJobs = z.infer<typeof PolicyJobs>;

export const PolicyReport = z.object({
  /** Why parts of the policy were ignored, in plain words. */
  notes: z.array(z.string()),
  managedBy: z.optional(z.string()),
  /** Slots the policy deploys (applied or not): their cards show the organisation's, never a key form. */
  slots: z.array(Slot),
  /** Slots whose connection this run stored (new or changed in the policy). */
  applied: z.array(Slot),
});
export type PolicyReport = z.infer<typeof PolicyReport>;

export interface ImportSummary {
  connected: Array<'hr' | 'ats'>;
  /** Connections the file named without a key: they stay to be connected here. */
  withoutKey: Array<'hr' | 'ats'>;
  activeJobs: number;
  /** Job ids from the file not (yet) pulled from the ATS: activated when a later pull brings them. */
  pendingJobs: number;
  createdAt: string;
}
