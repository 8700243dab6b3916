import { logFailure } from '../activity';
import { followPageCandidates } from '../export/page-candidates';
import { afterStartAnswers, type HandlersFor } from '../messaging/server';
import { followBadge } from './badge';
import { dismissBulkExport, followExportRuns, planBulkExport, startBulkExport } from './bulk';
import { capturePageCandidates } from './capture';
import { preparePopupExport } from './draft';
import type { hiredListIntents } from './intents';
import { followJobPulls, refreshHiredCandidates } from './pull';
import { retryOperation } from './retry';

/** Popup: hired candidates, quick and bulk export, Retry. */
export const hiredListHandlers: HandlersFor<typeof hiredListIntents> = {
  refreshHiredCandidates: async ({ force }) => refreshHiredCandidates({ force }),
  preparePopupExport: async (key) => preparePopupExport(key),
  planBulkExport: async (answers) => planBulkExport(answers),
  startBulkExport: async ({ keys, ...answers }) => startBulkExport(keys, answers),
  dismissBulkExport: async () => (await dismissBulkExport(), null),
  retryOperation: async (id) => (await retryOperation(id), null),
};

/** Start-up: what follows export runs, job pulls and the hired list (the toolbar badge), and pages' candidates. */
export function startHiredList(): void {
  // Export all's run follows its operations; every job pull is followed by a hired pull; the badge follows the list.
  followExportRuns();
  // The last two read the database at once (every candidate, for the badge): not ahead of the worker's first answers.
  // Each starts from the current state, so a pull that finished meanwhile is still followed.
  afterStartAnswers(followJobPulls);
  afterStartAnswers(followBadge);
  // Hired people seen on pages wait in the popup; someone exported from the popup shows as exported there. When
  // they cannot be kept, the page still gets Export's statuses.
  followPageCandidates((adapterId, candidates, statuses) =>
    capturePageCandidates(adapterId, candidates, statuses).catch(async (error: unknown) => (await logFailure('export', 'pageCapture')(error), statuses)),
  );
}
