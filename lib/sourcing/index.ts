export { syncedCandidates, type SyncedCandidateView } from './service';
export { registerSourcingOperations, autoSyncSeenCandidates, planAutoSync, isSyncOffered, prepareSync, profilePdf, submitSync, syncProgress, parseTranscript, transcriptText, sourcedKey } from './service';
