import { z } from 'zod';
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
  salt: z.string().min(1).max(64),
  iv: z.string().min(1).max(64),
  ciphertext: z.string().min(1).max(4096),
  iterations: z.number().int().min(100_000).max(10_000_000),
});

export const SetupConnection = z.strictObject({
  provider: Provider,
  environment: Environment,
  /** Only for the Custom environment (a proxy or the sandbox). */
  baseUrl: z.string().max(2048).optional(),
  integrationId: z.string().max(256).optional(),
  /** A direct ATS's account field (Greenhouse client ID, Workable subdomain, Recruitee company ID). */
  accountId: z.string().max(512).optional(),
  /** Absent: the file was exported without keys. */
  key: Sealed.optional(),
});
export type SetupConnection = z.infer<typeof SetupConnection>;

/** Who the setup is for: a file for one company is refused by a browser connected to another. */
export const SetupCompany = z.strictObject({
  name: z.string().max(200).optional(),
  factorialCompanyId: z.string().max(64).optional(),
  komboIntegrationId: z.string().max(256).optional(),
});

/** First look at a file: enough to tell "not ours" and "from a newer version" apart from "damaged". */
export const SetupEnvelope = z.looseObject({ format: z.literal(SETUP_FORMAT), version: z.number().int().min(1) });

export const TeamSetupFile = z.strictObject({
  format: z.literal(SETUP_FORMAT),
  version: z.union([z.literal(1), z.literal(2), z.literal(SETUP_VERSION)]),
  createdAt: z.iso.datetime({ offset: true }),
  company: SetupCompany,
  connections: z.array(SetupConnection).max(2),
  /** Active jobs by the ATS's own job id. */
  activeJobs: z.strictObject({ provider: Provider, ids: z.array(z.string().min(1).max(200)).max(5000) }).optional(),
  settings: SettingsSchema.partial().strict(),
  syncRules: ManagedSyncRules.partial().strict(),
  /** The admin's site recipes (version 2; version 3 when one needs recipe format 2). */
  siteRecipes: z.array(SiteRecipe).max(200).optional(),
});
export type TeamSetupFile = z.infer<typeof TeamSetupFile>;

const Slot = z.enum(['hr', 'ats']);

/** What this browser remembers about the setup it follows. */
export const TeamSetupStatus = z.object({
  /** admin: set up by hand here; recruiter: set up from a team file (or the organisation's policy). */
  role: z.enum(['admin', 'recruiter']),
  by: z.enum(['file', 'policy']).optional(),
  companyName: z.string().optional(),
  /** The file's own date. */
  createdAt: z.string().optional(),
  importedAt: z.string().optional(),
  /** Connections the file named without a key: this browser connects them itself. */
  keysToConnect: z.array(Slot).optional(),
  /** Why parts of the organisation's policy were ignored. */
  policyNotes: z.array(z.string()).optional(),
  /** Connections the policy deploys: their cards are the organisation's (no key form). */
  policySlots: z.array(Slot).optional(),
  /** A recruiter's browser: why its admin actions are disabled (shown from the first render, beside them). */
  adminReason: z.string().optional(),
});
export type TeamSetupStatus = z.infer<typeof TeamSetupStatus>;

/** The file's active jobs as kept after an import, so a later pull that brings one of them still activates it. */
export const FileActiveJobs = TeamSetupFile.shape.activeJobs.unwrap();

/** The policy's active jobs: ids, or every open job in some countries. */
export const PolicyJobs = z.object({ ids: z.array(z.string()).optional(), countries: z.array(z.string()).optional() });
export type PolicyJobs = z.infer<typeof PolicyJobs>;

export const PolicyReport = z.object({
  /** Why parts of the policy were ignored, in plain words. */
  notes: z.array(z.string()),
  managedBy: z.string().optional(),
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
