import { z } from 'zod/mini';
import { intent, type IntentSpec } from '../messaging/intent';
import { OperationIdInput } from '../outbox/operation-id';
import { says } from './input-messages';
import { CandidateKeyInput, type CustomFieldDef, type ExportDraft } from '../export/intents';

/**
 * Intents of the toolbar popup: hired candidates waiting for export, one export or all of them, and Retry.
 * The popup reads lists and progress live from IndexedDB; anything that calls a vendor goes through these.
 */

export const RefreshHiredInput = z.object({ force: z.optional(z.boolean()) });
const LegalEntityIdInput = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
/** Values Export all's recruiter gives (for everyone who lacks one, or for one person); checked by the form's rule. */
const FillValue = z.optional(z.string().check(z.trim(), z.maxLength(100)));
export const BulkFill = z.object({
  startDate: FillValue,
  legalEntityId: FillValue,
  teamId: FillValue,
  locationId: FillValue,
  /** Factorial custom fields by field id. */
  customFields: z.optional(
    z.record(z.string().check(z.minLength(1), z.maxLength(64)), z.string().check(z.maxLength(5000))).check(z.refine((r) => Object.keys(r).length <= 100)),
  ),
});
const BulkAnswers = {
  legalEntityId: z.optional(LegalEntityIdInput),
  /** For everyone whose own data lacks it. */
  fill: z.optional(BulkFill),
  /** Per person (by candidate key): wins over `fill` and over their own data. */
  perPerson: z.optional(z.record(CandidateKeyInput, BulkFill).check(z.refine((r) => Object.keys(r).length <= 1000))),
};
export const PlanBulkExportInput = z.object(BulkAnswers);
export const StartBulkExportInput = z.object({
  keys: z.array(CandidateKeyInput).check(z.minLength(1, says('nobodyToExport')), z.maxLength(1000)),
  ...BulkAnswers,
});
export type BulkAnswers = z.infer<typeof PlanBulkExportInput>;

export interface HiredPullView {
  at: string;
  ok: boolean;
  message?: string;
  /** Hired people the connected ATS listed (0 when no ATS is connected). */
  pulled: number;
  /** Hired people waiting for export after this refresh. */
  waiting: number;
}

export interface BulkPlanItem {
  candidateKey: string;
  name: string;
  jobTitle?: string;
  /** Fields this person's own data lacks (the dialog offers a value for them alone). */
  lacks?: ('startDate' | 'legalEntityId' | 'teamId' | 'locationId')[];
  /** Factorial custom fields (by id) neither this person's data nor the mapping gives: offered for them alone. */
  lacksCustom?: string[];
}

export interface BulkPlan {
  ready: BulkPlanItem[];
  /** Left out, with the reason in plain words (what is missing, or already in Factorial HR). */
  skipped: (BulkPlanItem & { reason: string; employeeUrl?: string; missing?: string[] })[];
  /** Offered when Factorial has more than one: the one chosen applies to everyone. */
  legalEntities: { id: string; name: string }[];
  legalEntityId?: string;
  /** Factorial's lists, for a team and a location for everyone. */
  teams: { id: string; name: string }[];
  locations: { id: string; name: string }[];
  /** Factorial's required custom fields for the legal entity chosen: given once for everyone. */
  customFields: CustomFieldDef[];
}

export interface BulkRunView {
  id: string;
  startedAt: string;
  operationIds: string[];
  skipped: { name: string; reason: string }[];
}

export const hiredListIntents = {
  /** Pull hired applications from the connected ATS (at most every few seconds unless forced). */
  refreshHiredCandidates: intent<HiredPullView>()({ input: RefreshHiredInput, from: ['extension-page'] }),
  /** The export form's draft for a stored hired candidate (the same draft as the page dialog's). */
  preparePopupExport: intent<ExportDraft>()({ input: CandidateKeyInput, from: ['extension-page'] }),
  /** Who Export all would send, and who it leaves out and why. Sends nothing. */
  planBulkExport: intent<BulkPlan>()({ input: PlanBulkExportInput, from: ['extension-page'] }),
  /** Queue the ready ones as durable operations; the service worker sends them, paced, popup open or not. */
  startBulkExport: intent<BulkRunView>()({ input: StartBulkExportInput, from: ['extension-page'] }),
  /** Forget a finished Export all (its operations stay in the activity). */
  dismissBulkExport: intent<null>()({ input: z.undefined(), from: ['extension-page'] }),
  /** Put an operation that needs attention back in the queue and send it. */
  retryOperation: intent<null>()({ input: OperationIdInput, from: ['extension-page'] }),
} as const satisfies Record<string, IntentSpec>;

type HiredListIntents = typeof hiredListIntents;
declare module '../messaging/protocol' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface IntentRegistry extends HiredListIntents {}
}
