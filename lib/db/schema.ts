import { z } from 'zod';
import { FACTORIAL_ENVIRONMENTS, KOMBO_ENVIRONMENTS } from '../connectors/environments';

/**
 * Shapes of what Hirebridge keeps in IndexedDB. Types flow from these schemas; records read back are trusted
 * (only the service worker and extension pages write them), records written from outside input are parsed first.
 */

/** Two connection slots: the HRIS (Factorial HR) and the one system-of-record ATS. */
export const ConnectionSlot = z.enum(['hr', 'ats']);
export type ConnectionSlot = z.infer<typeof ConnectionSlot>;

export const Provider = z.enum(['factorial-hr', 'factorial-ats', 'kombo']);
export type Provider = z.infer<typeof Provider>;

export const Environment = z.union([z.enum(FACTORIAL_ENVIRONMENTS), z.enum(KOMBO_ENVIRONMENTS)]);
export type Environment = z.infer<typeof Environment>;

export const ConnectionRecord = z.object({
  slot: ConnectionSlot,
  provider: Provider,
  environment: Environment,
  baseUrl: z.string(),
  integrationId: z.string().optional(),
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
  /** Kombo: the ATS behind the integration (from the X-Integration-Id prefix). */
  tool: z.string().optional(),
});
export type ConnectionRecord = z.infer<typeof ConnectionRecord>;

/** An API key, AES-GCM encrypted with the vault key. */
export interface SecretRecord {
  id: string;
  iv: Uint8Array;
  ciphertext: ArrayBuffer;
}

/** The non-extractable vault key. IndexedDB stores CryptoKey objects without exposing their bytes. */
export interface VaultKeyRecord {
  id: 'vault';
  key: CryptoKey;
}

export const JobStatus = z.enum(['disabled', 'active', 'archived']);
export type JobStatus = z.infer<typeof JobStatus>;

export interface JobRecord {
  /** `${provider}:${vendor job id}` so two providers never collide. */
  key: string;
  provider: Provider;
  vendorId: string;
  remoteId?: string;
  name: string;
  status: JobStatus;
  /** Active jobs keep their fields: pulls do not overwrite them. */
  frozen: boolean;
  atsStatus: string;
  country?: string;
  locationName?: string;
  url?: string;
  screeningQuestions: unknown[];
  changedAt?: string;
  firstSeenAt: string;
  updatedAt: string;
}

export interface CandidateRecord {
  key: string;
  source: string;
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  jobTitle?: string;
  hired: boolean;
  exportedEmployeeId?: string;
  capturedAt: string;
  updatedAt: string;
  data: Record<string, unknown>;
}

export const OperationState = z.enum(['queued', 'sending', 'done', 'needs-attention']);
export type OperationState = z.infer<typeof OperationState>;

export interface OperationRecord {
  id: string;
  kind: 'export-employee' | 'sync-candidate';
  state: OperationState;
  /** What the operation is about, e.g. the candidate key; used to refuse a second one in flight. */
  subject: string;
  payload: Record<string, unknown>;
  attempts: number;
  nextAttemptAt?: string;
  lastError?: string;
  remoteId?: string;
  remoteUrl?: string;
  createdAt: string;
  updatedAt: string;
}

export interface ActivityRecord {
  id?: number;
  at: string;
  kind: string;
  /** Plain words, shown as text. Never a key, never a CV. */
  message: string;
  level: 'info' | 'success' | 'warning' | 'error';
  operationId?: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}
