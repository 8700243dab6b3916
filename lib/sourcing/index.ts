export { isSyncOffered, prepareSync, profilePdf, submitSync, syncProgress, parseTranscript, transcriptText, sourcedKey } from './service';
