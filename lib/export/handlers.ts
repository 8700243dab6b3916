import type { HandlersFor } from '../messaging/server';
import type { exportIntents } from './intents';
import { factorialLookups, forgetLookups } from './lookups';
import { answerPageCandidates } from './page-candidates';
import { exportProgress, importTrackedApplication, prepareExport, registerExportOperations, submitExport } from './service';

/** Export to FactorialHR (ATS pages, the popup, the dialog frame). */
export const exportHandlers: HandlersFor<typeof exportIntents> = {
  pageCandidatesStatus: async ({ adapterId, candidates }) => answerPageCandidates(adapterId, candidates),
  prepareExport: async ({ adapterId, candidate }) => prepareExport(adapterId, candidate),
  importTrackedApplication: async ({ adapterId, candidate }) => importTrackedApplication(adapterId, candidate),
  submitExport: async ({ candidateKey, fields }) => submitExport(candidateKey, fields),
  exportProgress: async (operationId) => exportProgress(operationId),
  // The admin mapping fields wants Factorial's lists as they are now (and so does the next export).
  factorialLists: async () => (forgetLookups(), factorialLookups()),
};

/** Start-up: what an export operation sends, and what follows its changes (registered once, before the outbox resumes). */
export function startExport(): void {
  registerExportOperations();
}
