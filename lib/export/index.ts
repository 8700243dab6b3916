export { pageCandidatesStatus, prepareExport, submitExport, exportProgress, candidateKey, completeDraft, queueExport, toProgress } from './service';
export { factorialLookups, forgetLookups } from './lookups';
