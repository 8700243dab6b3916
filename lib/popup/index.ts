export {
  capturePageCandidates,
  checkInFactorial,
  dismissBulkExport,
  followBadge,
  followJobPulls,
  planBulkExport,
  preparePopupExport,
  refreshHiredCandidates,
  retryOperation,
  startBulkExport,
} from './service';
export { groupCandidates, waitingGroups, badgeText, type HiredGroup } from './groups';
export { BULK_RUN_KEY, HIRED_PULL_KEY } from './keys';
