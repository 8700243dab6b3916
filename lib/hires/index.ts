/**
 * The hired list, the service-worker side: which hired candidates wait for export (captured from ATS pages,
 * pulled from the ATS API), the toolbar badge, and Export all — durable operations the worker owns, so closing
 * the popup does not stop them; the outbox paces the sends to the vendor's limits.
 */
export { capturePageCandidates } from './capture';
export { refreshHiredCandidates, followJobPulls } from './pull';
export { checkInFactorial } from './lookups';
export { followBadge, toolbarUpdate, type ToolbarState } from './badge';
export { preparePopupExport } from './draft';
export { planBulkExport, startBulkExport, dismissBulkExport, followExportRuns } from './bulk';
export { retryOperation } from './retry';
export { groupCandidates, waitingGroups, badgeText, type HiredGroup } from './groups';
export { BULK_RUN_KEY, HIRED_PULL_KEY } from './keys';
