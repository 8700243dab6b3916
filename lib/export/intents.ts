import { z } from 'zod/mini';
import { intent, type IntentSpec } from '../messaging/intent';
import { OperationIdInput } from '../outbox/operation-id';
import { says } from './input-messages';
import { SITE_ID } from '../sites/recipe-key';
import { isRealDay } from '../people/name';
import { EmailField, FirstNameField, LastNameField, PhoneField } from '../people/fields';

/**
 * Intents of Export to FactorialHR. Content scripts on enabled ATS pages say what the page shows; the service
 * worker decides what is true (from the ATS API when it is the connected one), remembers the candidate, and sends.
 */

/**
 * Best-effort text read from a page: trimmed and cut to size, never a reason to refuse the message. One row with an
 * overlong stage or date must not cost every other row on the page its button (the whole list is one message).
 */
const pageText = (max: number) =>
  z.optional(
    z.pipe(
      z.string(),
      z.transform((value) => value.trim().slice(0, max)),
    ),
  );

/** What a site adapter read from a page. Everything but the id is best effort. */
export const PageCandidate = z.object({
  siteCandidateId: z.string().check(z.trim(), z.minLength(1), z.maxLength(128), z.regex(SITE_ID, says('notCandidateId'))),
  fullName: pageText(500),
  email: pageText(320),
  phone: pageText(64),
  jobTitle: pageText(500),
  stage: pageText(200),
  startDate: pageText(64),
  // Best effort like the rest: a malformed one is dropped, not a reason to refuse the candidate.
  siteApplicationId: z.catch(z.optional(z.string().check(z.trim(), z.maxLength(128), z.regex(SITE_ID))), undefined),
  siteJobId: z.catch(z.optional(z.string().check(z.trim(), z.maxLength(128), z.regex(SITE_ID))), undefined),
});
export type PageCandidate = z.infer<typeof PageCandidate>;

export const PageCandidatesInput = z.object({
  adapterId: z.string().check(z.minLength(1), z.maxLength(64)),
  candidates: z.array(PageCandidate).check(z.maxLength(500)),
});

export const OpenExportInput = z.object({ adapterId: z.string().check(z.minLength(1), z.maxLength(64)), candidate: PageCandidate });

export const CandidateKeyInput = z.string().check(z.minLength(1), z.maxLength(300));

/** The export form's fields, validated field by field (the same rules in the form and in the worker). */
export const ExportFields = z.object({
  firstName: FirstNameField,
  lastName: LastNameField,
  email: EmailField,
  phone: PhoneField,
  startDate: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, says('startDateMissing')),
      z.regex(/^\d{4}-\d{2}-\d{2}$/, says('dateFormat')),
      z.refine(isRealDay, says('dateDoesNotExist')),
    ),
  jobTitle: z.union([z.optional(z.string().check(z.trim(), z.maxLength(200, says('jobTitleLong')))), z.literal('')]),
  legalEntityId: z.string().check(z.minLength(1, says('legalEntityMissing'))),
  teamId: z.union([z.optional(z.string()), z.literal('')]),
  locationId: z.union([z.optional(z.string()), z.literal('')]),
  managerId: z.union([z.optional(z.string().check(z.maxLength(64))), z.literal('')]),
  trialPeriodEndsOn: z.union([
    z.optional(z.string().check(z.trim(), z.regex(/^\d{4}-\d{2}-\d{2}$/, says('dateFormat')), z.refine(isRealDay, says('dateDoesNotExist')))),
    z.literal(''),
  ]),
  /** Factorial custom fields, by field id, as Factorial's custom_fields/values takes them (text). */
  customFields: z.optional(
    z.record(z.string().check(z.minLength(1), z.maxLength(64)), z.string().check(z.maxLength(5000))).check(z.refine((r) => Object.keys(r).length <= 100)),
  ),
});
export type ExportFields = z.infer<typeof ExportFields>;

export const SubmitExportInput = z.object({ candidateKey: CandidateKeyInput, fields: ExportFields });

/** `in-factorial`: hired, but someone with this email is already an employee in Factorial HR. */
/** `exporting`: an export of this person is queued or being sent (the page asks again until it settles). */
export type ExportState = 'exportable' | 'not-hired' | 'exported' | 'in-factorial' | 'exporting' | 'unknown';

export interface PageCandidateStatus {
  siteCandidateId: string;
  state: ExportState;
  /** Why it cannot be exported, in plain words. */
  reason?: string;
  employeeUrl?: string;
}

export interface CustomFieldDef {
  id: string;
  label: string;
  type: string;
  required: boolean;
  legalEntityId?: string;
  legalEntityName?: string;
  options?: { value: string; label: string }[];
}

export interface ExportDraft {
  candidateKey: string;
  /** Where the pre-filled data came from. */
  source: 'ats-api' | 'page';
  sourceName: string;
  hired: boolean;
  notHiredReason?: string;
  fields: Partial<ExportFields>;
  /** Why a field is empty, when the ATS says (e.g. "The accepted offer in Greenhouse has no start date."). */
  fieldNotes?: Partial<Record<keyof ExportFields, string>>;
  lookups: {
    legalEntities: { id: string; companyId: string; name: string; country?: string }[];
    teams: { id: string; name: string }[];
    locations: { id: string; name: string; country?: string }[];
    /** Active employees, to choose a manager from. */
    employees?: { id: string; name: string }[];
    /** Factorial's custom fields (custom_fields/fields), with the choices of choice fields. */
    customFields?: CustomFieldDef[];
  };
  /** The admin's field mapping (team/location per legal entity, custom-field sources). */
  mapping?: import('../settings/schema').FieldMapping;
  /** The ATS's custom fields and accepted offer for this person (what mapped sources read). */
  /** The connectors' AtsValues by shape (the protocol, which pages load, imports nothing from lib/connectors). */
  atsValues?: { candidate?: Record<string, string>; application?: Record<string, string>; offer?: Record<string, string> };
  /** Already an employee with this email, or already exported from here. */
  existing?: { employeeUrl: string; name?: string; exportedHere?: boolean };
  /** A message about data that could not be loaded (the form still works). */
  warning?: string;
  /**
   * The connected ATS's API (through Kombo) does not know this page's candidate: why, in plain words, and the way
   * out — importing the application into Kombo's tracking from the dialog, when possible, or the admin's setting.
   */
  untracked?: { message: string; canImport: boolean; imported: boolean };
}

export interface ExportProgress {
  operationId: string;
  state: 'queued' | 'sending' | 'done' | 'needs-attention';
  outcome?: 'created' | 'duplicate';
  employeeUrl?: string;
  message?: string;
  nextAttemptAt?: string;
}

export const exportIntents = {
  pageCandidatesStatus: intent<PageCandidateStatus[]>()({ input: PageCandidatesInput, from: ['content-script'] }),
  /** The export form's draft for a candidate on this page: fields, Factorial's lists, whether they exist already. */
  prepareExport: intent<ExportDraft>()({ input: OpenExportInput, from: ['dialog-frame', 'extension-page'] }),
  submitExport: intent<ExportProgress>()({ input: SubmitExportInput, from: ['dialog-frame', 'extension-page'] }),
  exportProgress: intent<ExportProgress>()({ input: OperationIdInput, from: ['dialog-frame', 'extension-page'] }),
  /** Import the page's application into Kombo's tracking, then the form's draft again. */
  importTrackedApplication: intent<ExportDraft>()({ input: OpenExportInput, from: ['dialog-frame', 'extension-page'] }),
  /** Factorial's lists, for the admin's field mapping on the options page. */
  factorialLists: intent<ExportDraft['lookups']>()({ input: z.undefined(), from: ['extension-page'] }),
} as const satisfies Record<string, IntentSpec>;

type ExportIntents = typeof exportIntents;
declare module '../messaging/protocol' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface IntentRegistry extends ExportIntents {}
}
