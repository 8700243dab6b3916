import { z } from 'zod';
import { DIRECT_ATS_PROVIDERS, FACTORIAL_ENVIRONMENTS, KOMBO_ENVIRONMENTS } from './providers';

/**
 * Shapes of what Hirebridge keeps in IndexedDB. Types flow from these schemas. Candidates and operations are parsed
 * when read (see `parse.ts` and each domain's read functions): a record an older or newer version wrote that does
 * not fit shows as unreadable with the reason, and stays stored. Migrations between versions: `database.ts`.
 */

/** Two connection slots: the HRIS (Factorial HR) and the one system-of-record ATS. */
export const ConnectionSlot = z.enum(['hr', 'ats']);
export type ConnectionSlot = z.infer<typeof ConnectionSlot>;

export const Provider = z.enum(['factorial-hr', 'factorial-ats', 'kombo', ...DIRECT_ATS_PROVIDERS]);
export type Provider = z.infer<typeof Provider>;

/** A direct ATS's regions are its own (lib/connectors/<vendor>/index.ts), checked when it is connected. */
export const Environment = z.union([z.enum(FACTORIAL_ENVIRONMENTS), z.enum(KOMBO_ENVIRONMENTS), z.string().regex(/^[a-z0-9-]{1,32}$/)]);
export type Environment = z.infer<typeof Environment>;

export const ConnectionRecord = z.object({
  slot: ConnectionSlot,
  provider: Provider,
  environment: Environment,
  baseUrl: z.string(),
  integrationId: z.string().optional(),
  /** A direct ATS's account, as its connect form asked for it (Greenhouse client ID, Workable subdomain, Recruitee company ID). */
  accountId: z.string().optional(),
  /** Last four characters of the key, for the masked display. Never the key itself. */
  keyHint: z.string(),
  /** Id of the encrypted key in the `secrets` table. */
  secretId: z.string(),
  connectedAt: z.string(),
  lastCheckAt: z.string(),
  lastCheckOk: z.boolean(),
  lastCheckMessage: z.string().optional(),
  accountLabel: z.string().optional(),
  /** Factorial: the company id the key belongs to (from the key check). */
  companyId: z.string().optional(),
  /** Set up by a team setup file or the organisation's policy rather than typed in here. */
  origin: z.enum(['file', 'policy']).optional(),
  /** The ATS (as site adapters name it): Kombo's from the X-Integration-Id prefix; a direct connector's own; `factorial`. */
  tool: z.string().optional(),
});
export type ConnectionRecord = z.infer<typeof ConnectionRecord>;

/** An API key, AES-GCM encrypted with the vault key. */
export const SecretRecord = z.object({ id: z.string(), iv: z.instanceof(Uint8Array), ciphertext: z.instanceof(ArrayBuffer) });
export type SecretRecord = z.infer<typeof SecretRecord>;

/** The non-extractable vault key. IndexedDB stores CryptoKey objects without exposing their bytes. */
export const VaultKeyRecord = z.object({ id: z.literal('vault'), key: z.custom<CryptoKey>((value) => typeof CryptoKey !== 'undefined' && value instanceof CryptoKey) });
export type VaultKeyRecord = z.infer<typeof VaultKeyRecord>;

export const JobStatus = z.enum(['disabled', 'active', 'archived']);
export type JobStatus = z.infer<typeof JobStatus>;

export const JobRecord = z.object({
  /** `${provider}:${vendor job id}` so two providers never collide. */
  key: z.string(),
  provider: Provider,
  vendorId: z.string(),
  remoteId: z.string().optional(),
  name: z.string(),
  status: JobStatus,
  /** Active jobs keep their fields: pulls do not overwrite them. */
  frozen: z.boolean(),
  atsStatus: z.string(),
  country: z.string().optional(),
  locationName: z.string().optional(),
  url: z.string().optional(),
  /** The vendor's questions as its connector parsed them (see `ScreeningQuestion`). */
  screeningQuestions: z.array(z.unknown()),
  changedAt: z.string().optional(),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
});
export type JobRecord = z.infer<typeof JobRecord>;

/*
 * Candidates. `data` is the domain's own part, discriminated by `kind`: a hired person (Export to Factorial HR,
 * captured from an ATS page or pulled from the ATS) or a sourced one (Sync to ATS). Objects are loose: a field a
 * later version adds survives an older reader's write.
 */

export const HireData = z.looseObject({
  kind: z.literal('hire'),
  /** Captured from a page, or listed by the connected ATS's hired pull. */
  origin: z.enum(['page', 'ats']).optional(),
  adapterId: z.string().optional(),
  siteCandidateId: z.string().optional(),
  provider: Provider.optional(),
  atsCandidateId: z.string().optional(),
  remoteId: z.string().optional(),
  applicationId: z.string().optional(),
  jobId: z.string().optional(),
  stage: z.string().optional(),
  startDate: z.string().optional(),
  /** Why the ATS gave no start date, and which tool said so. */
  startDateGap: z.looseObject({ gap: z.string().optional(), tool: z.string().optional() }).optional(),
  employeeUrl: z.string().optional(),
  /** Someone with this email is an employee in Factorial HR already. */
  inFactorial: z.looseObject({ employeeUrl: z.string().optional(), name: z.string().optional() }).optional(),
  factorialCheckedAt: z.string().optional(),
  trackingImportedAt: z.string().optional(),
  /** The ATS's custom fields and accepted offer (text by key), for the admin's field mapping. */
  atsValues: z
    .object({
      candidate: z.record(z.string(), z.string()).optional(),
      application: z.record(z.string(), z.string()).optional(),
      offer: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
});
export type HireData = z.infer<typeof HireData>;

const Transcript = z.array(z.object({ speaker: z.string(), text: z.string() }));

export const SourcedData = z.looseObject({
  kind: z.literal('sourced'),
  sourceUrl: z.string(),
  sourceSite: z.string(),
  headline: z.string().optional(),
  stage: z.string().optional(),
  rating: z.number().optional(),
  summary: z.string().optional(),
  transcript: Transcript,
  resumeUrl: z.string().optional(),
  /** Job key → when it was synced, and the application. */
  syncs: z.record(z.string(), z.object({ at: z.string(), applicationId: z.string().optional(), outcome: z.string().optional() })).optional(),
  // `autoSyncPlan`, a sync the recruiter prepared to go out by itself, is Sync to ATS's own (lib/sourcing/stored.ts):
  // kept as stored here (the object is loose) and read through its schema there.
});
export type SourcedData = z.infer<typeof SourcedData>;

const CandidateBase = {
  key: z.string(),
  /** The site or ATS the person was read from, by name. */
  source: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  jobTitle: z.string().optional(),
  hired: z.boolean(),
  exportedEmployeeId: z.string().optional(),
  capturedAt: z.string(),
  updatedAt: z.string(),
};
export const HireCandidate = z.object({ ...CandidateBase, data: HireData });
export type HireCandidate = z.infer<typeof HireCandidate>;
export const SourcedCandidate = z.object({ ...CandidateBase, data: SourcedData });
export type SourcedCandidate = z.infer<typeof SourcedCandidate>;
export const CandidateRecord = z.union([HireCandidate, SourcedCandidate]);
export type CandidateRecord = z.infer<typeof CandidateRecord>;

/*
 * Operations (the outbox). `payload` is the domain's typed input, discriminated by `kind`, and never touched by the
 * outbox; the outbox's own bookkeeping is top-level (state, attempts, times, the last error, the remote record)
 * and in `delivery` (what sending found out).
 */

export const OperationState = z.enum(['queued', 'sending', 'done', 'needs-attention']);
export type OperationState = z.infer<typeof OperationState>;

/** One step's recorded facts, by step name; `done: true` once the step completed (see `lib/outbox/steps.ts`). */
export const StepResults = z.record(z.string(), z.looseObject({ done: z.boolean().optional() }));
export type StepResults = z.infer<typeof StepResults>;

export const Delivery = z.object({
  /** Times sent, across Retry (which resets `attempts`): "created by my own earlier send" vs "someone else's". */
  sends: z.number().int().min(0),
  /** How it ended, e.g. 'created' or 'duplicate'. */
  outcome: z.string().optional(),
  /** Each step's checkpoint, so a stopped worker, a failure or Retry resumes at the first step not done. */
  steps: StepResults.optional(),
  /** Warnings the vendor gave with a success (plain words). */
  warnings: z.array(z.string()).optional(),
});
export type Delivery = z.infer<typeof Delivery>;

const OperationBase = {
  id: z.string(),
  state: OperationState,
  /** What the operation is about, e.g. the candidate key; used to refuse a second one in flight. */
  subject: z.string(),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.string().optional(),
  lastError: z.string().optional(),
  remoteId: z.string().optional(),
  remoteUrl: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  delivery: Delivery,
};
/**
 * Each feature's operation payloads, by kind. Empty here: a feature adds its kind where it defines it
 * (`declare module '../db/schema' { interface OperationPayloads { 'export-employee': ExportPayload } }`) and gives
 * the payload's schema to `defineOperation` (lib/outbox), which stored operations of that kind are read with.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OperationPayloads {}
export type OperationKind = keyof OperationPayloads & string;
export type PayloadOf<K extends OperationKind> = OperationPayloads[K];

/** What every operation is, whatever its kind: the outbox's bookkeeping, and a payload only its feature reads. */
export const StoredOperation = z.object({ ...OperationBase, kind: z.string(), payload: z.unknown() });
/** An operation of one kind, its payload typed. */
export type OperationOf<K extends OperationKind> = Omit<z.infer<typeof StoredOperation>, 'kind' | 'payload'> & { kind: K; payload: PayloadOf<K> };
export type OperationRecord = { [K in OperationKind]: OperationOf<K> }[OperationKind];

export const ActivityLevel = z.enum(['info', 'success', 'warning', 'error']);
export const ActivityRecord = z.object({
  id: z.number().int().optional(),
  at: z.string(),
  kind: z.string(),
  /** Plain words, shown as text. Never a key, never a CV. */
  message: z.string(),
  level: ActivityLevel,
  operationId: z.string().optional(),
  /** An unexpected error's technical detail (its stack), kept for whoever looks into it; never shown as the words. */
  detail: z.string().optional(),
});
export type ActivityRecord = z.infer<typeof ActivityRecord>;

/** A keyed row of the `settings` table. Each row's value has its own schema where it is defined (`storedRow`). */
export const SettingRecord = z.object({ key: z.string(), value: z.unknown() });
export type SettingRecord = z.infer<typeof SettingRecord>;

/**
 * A stored record this version cannot read (written by a newer version, or damaged). It stays stored as it is;
 * readers show it with `problem` (plain words) instead of failing.
 */
export interface UnreadableRecord {
  table: 'candidates' | 'operations';
  key: string;
  problem: string;
  /** Whatever the record says about itself, for the list it is shown in. */
  raw: Record<string, unknown>;
}
