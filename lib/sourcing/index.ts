export { syncedCandidates, type SyncedCandidateView } from './service';
export { autoSyncSeenCandidates, planAutoSync, isSyncOffered, prepareSync, profilePdf, submitSync, syncProgress, parseTranscript, transcriptText, sourcedKey } from './service';
