export { pageCandidatesStatus, prepareExport, submitExport, exportProgress, candidateKey } from './service';
export { factorialLookups, forgetLookups } from './lookups';
