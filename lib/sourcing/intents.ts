import { z } from 'zod/mini';
import { intent, type IntentSpec } from '../messaging/intent';
import { OperationIdInput } from '../outbox/operation-id';
import { says } from './input-messages';
import { EmailField, FirstNameField, LastNameField, PhoneField } from '../people/fields';
import type { AtsProvider } from '../connectors/types';

/**
 * Sync to ATS (SPEC F4): a sourced candidate onto an active job, with one PDF profile. The dialog (in the page's
 * isolated world, or the popup for the active tab) reads the page and sends what it read; the service worker
 * checks it, builds the PDF and sends it through a durable operation.
 */

const pageText = (max: number) => z.optional(z.string().check(z.maxLength(max)));
/** 10 MB of PDF, base64-encoded. */
const MAX_RESUME_BASE64 = Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4;

export const Turn = z.object({ speaker: z.string().check(z.maxLength(120)), text: z.string().check(z.maxLength(20_000)) });

/** What a page says about the person (all untrusted, all optional but the source URL). */
export const SourcedOnPage = z.object({
  /** The site adapter that read it, or "generic" for any page read through the toolbar icon. */
  adapterId: z.string().check(z.minLength(1), z.maxLength(64)),
  siteCandidateId: pageText(128),
  fullName: pageText(300),
  email: pageText(320),
  phone: pageText(64),
  headline: pageText(300),
  stage: pageText(120),
  rating: z.optional(z.number().check(z.int(), z.gte(1), z.lte(5))),
  summary: pageText(5000),
  transcript: z._default(z.array(Turn).check(z.maxLength(2000)), []),
  resumeUrl: z.optional(z.string().check(z.url(), z.maxLength(2000))),
  sourceUrl: z.string().check(z.url(), z.maxLength(2000)),
  sourceSite: z.string().check(z.maxLength(120)),
});
export type SourcedOnPage = z.infer<typeof SourcedOnPage>;

export const ResumeUpload = z.object({
  fileName: z.string().check(z.minLength(1), z.maxLength(200)),
  contentType: z.string().check(z.maxLength(100)),
  base64: z.string().check(z.maxLength(MAX_RESUME_BASE64, says('resumeTooLarge')), z.regex(/^[A-Za-z0-9+/]*={0,2}$/, says('resumeUnreadable'))),
});
export type ResumeUpload = z.infer<typeof ResumeUpload>;

const phone = PhoneField;

/** The Sync form's own fields, validated field by field (the same rules in the dialog and in the worker). */
export const SyncFields = z.object({
  firstName: FirstNameField,
  lastName: LastNameField,
  email: EmailField,
  phone,
  jobKey: z.string().check(z.minLength(1, says('jobMissing')), z.maxLength(600)),
  rating: z.optional(z.number().check(z.int(), z.gte(1), z.lte(5))),
  summary: z.union([z.optional(z.string().check(z.maxLength(5000, says('summaryLong')))), z.literal('')]),
  /** The transcript as "Speaker: text" lines (read from the page or pasted). */
  transcript: z.union([z.optional(z.string().check(z.maxLength(400_000, says('transcriptLong')))), z.literal('')]),
});
export type SyncFields = z.infer<typeof SyncFields>;

/** Answers by question id: text, number, boolean, option id(s), a YYYY-MM-DD date, or a file. */
export const AnswerValue = z.union([
  z.string().check(z.maxLength(10_000)),
  z.number(),
  z.boolean(),
  z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100)),
  ResumeUpload,
]);
export const SyncAnswers = z.record(z.string().check(z.maxLength(200)), AnswerValue);

export const PrepareSyncInput = z.object({ page: SourcedOnPage });
export const SubmitSyncInput = z.object({
  candidateKey: z.string().check(z.minLength(1), z.maxLength(600)),
  fields: SyncFields,
  answers: z._default(SyncAnswers, {}),
  resume: z.optional(ResumeUpload),
});

export interface SyncJobOption {
  key: string;
  name: string;
  location?: string;
  questions: { id: string; title: string; required: boolean; format: string; options?: { id: string; name: string }[] }[];
  /** Already synced to this job (by this browser): the date. */
  syncedAt?: string;
}

export interface SyncDraft {
  candidateKey: string;
  fields: Partial<SyncFields>;
  jobs: SyncJobOption[];
  provider: AtsProvider;
  /** The ATS by name, e.g. "Greenhouse (through Kombo)". */
  atsName: string;
  acceptsFiles: boolean;
  sourceName: string;
  /** The trigger stage, when the admin switched automatic sync on. */
  autoSyncStage?: string;
  /** The job of a sync already planned to go out automatically. */
  plannedJobKey?: string;
  /** The job the form starts on: the only Active job, or the Active job the page names for the person. */
  preselectedJobKey?: string;
  resumeUrl?: string;
  sourceUrl: string;
  sourceSite: string;
}

export interface SyncProgress {
  operationId: string;
  state: 'queued' | 'sending' | 'done' | 'needs-attention';
  outcome?: 'created' | 'added-to-existing' | 'duplicate';
  message?: string;
  nextAttemptAt?: string;
  warnings?: string[];
  /** The PDF could not include the resume, and why. */
  resumeNote?: string;
  /** Factorial ATS: the PDF is offered for download (its API takes no file). */
  downloadAvailable: boolean;
  /** Waiting to look the result of an unanswered send up (not to send again). */
  checking?: boolean;
  /** The PDF profile was sent as the CV and the ATS kept it (true), or was not kept / not sent (false); unknown: undefined. */
  cvAttached?: boolean;
  /** Why the PDF profile was not sent as the CV (the ATS's attachment rules). */
  cvNote?: string;
}

export const sourcingIntents = {
  /** Inject the dialogs' code into the asking tab (loaded on first use, not with every page). */
  loadDialogs: intent<null>()({ input: z.undefined(), from: ['content-script'] }),
  /** Whether this site's candidates can be synced (it is not the connected system-of-record ATS itself). */
  syncOffered: intent<boolean>()({ input: z.object({ adapterId: z.string().check(z.minLength(1), z.maxLength(64)) }), from: ['content-script'] }),
  syncActiveTab: intent<{ tabTitle?: string }>()({ input: z.undefined(), from: ['extension-page'] }),
  prepareSync: intent<SyncDraft>()({ input: PrepareSyncInput, from: ['dialog-frame', 'extension-page'] }),
  submitSync: intent<SyncProgress>()({ input: SubmitSyncInput, from: ['dialog-frame', 'extension-page'] }),
  planAutoSync: intent<{ stage: string; sentNow: boolean }>()({ input: SubmitSyncInput, from: ['dialog-frame', 'extension-page'] }),
  syncProgress: intent<SyncProgress>()({ input: OperationIdInput, from: ['dialog-frame', 'extension-page'] }),
  profilePdf: intent<{ fileName: string; base64: string }>()({ input: OperationIdInput, from: ['dialog-frame', 'extension-page'] }),
  syncedCandidates: intent<{ items: { key: string; name: string; jobName: string; syncedAt: string; stage?: string; sourceSite: string }[]; stageError?: string }>()({ input: z.undefined(), from: ['extension-page'] }),
} as const satisfies Record<string, IntentSpec>;

type SourcingIntents = typeof sourcingIntents;
declare module '../messaging/protocol' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface IntentRegistry extends SourcingIntents {}
}
